/**
 * Support desk accounts: the names and hashed passwords support agents and operators sign in to
 * the desk with, created and managed by an operator with the admin key.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.supportassistant.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
