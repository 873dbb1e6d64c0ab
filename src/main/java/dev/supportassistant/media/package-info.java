/**
 * What the screenshot and voice features share: offline engines lent to one caller at a time, the
 * models bundled for them, and the refusal of an unusable upload in the fields the original frontend reads.
 */
@NullMarked
package dev.supportassistant.media;

import org.jspecify.annotations.NullMarked;
