/**
 * Sentence embeddings from the all-MiniLM-L6-v2 model (int8), run in-process and offline; shared by the
 * knowledge base (semantic search) and confusion detection (similarity to confused messages).
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.supportassistant.embedding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
