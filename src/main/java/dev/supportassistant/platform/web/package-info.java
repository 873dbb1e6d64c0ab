/**
 * The HTTP edge shared by every feature: request ids and the request log, body-size limits, strict
 * JSON, and the one place where failures become problem details.
 */
@NamedInterface("web")
@NullMarked
package dev.supportassistant.platform.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
