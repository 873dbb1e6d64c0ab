/**
 * Screenshots customers share from their screens: read with offline OCR (Tesseract), stored
 * privately with their conversation, and shown to vision models with the next turn.
 */
@NullMarked
package dev.supportassistant.screenshots;

import org.jspecify.annotations.NullMarked;
