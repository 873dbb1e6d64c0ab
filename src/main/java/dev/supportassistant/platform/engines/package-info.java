/**
 * What the screenshot and voice features share: offline engines lent to one caller at a time
 * ({@link dev.supportassistant.platform.engines.EnginePool}), and the models bundled for them.
 */
@NamedInterface("engines")
@NullMarked
package dev.supportassistant.platform.engines;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
