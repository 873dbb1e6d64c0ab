/**
 * Who calls and what they may do, by Spring Security: customers' and support agents' JWTs, the
 * operators' API key, the URL rules of operator and desk endpoints, and the browser rules (CORS,
 * security headers). Features receive the {@link dev.supportassistant.security.Caller}.
 */
@NullMarked
package dev.supportassistant.security;

import org.jspecify.annotations.NullMarked;
