/**
 * Who calls and what they may do, by Spring Security: customers' and support agents' JWTs, the
 * operators' API key, the URL rules of operator and desk endpoints, and the browser rules (CORS,
 * security headers). Features receive the {@link dev.supportassistant.platform.security.Caller}.
 */
@NamedInterface("security")
@NullMarked
package dev.supportassistant.platform.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
