/**
 * Personal data in customers' text: finds card numbers, IBANs, e-mail addresses, phone numbers,
 * US social security numbers, IP addresses and labelled secrets offline, masks them with typed
 * placeholders before text reaches an AI provider, and restores the placeholders in its answer.
 */
@ApplicationModule(allowedDependencies = {"platform :: config"})
@NullMarked
package dev.supportassistant.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
