/**
 * Screen sharing: Agora RTC token issuing.
 */
package dev.supportassistant.screenshare;
