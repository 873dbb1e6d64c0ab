/**
 * Reading web sources for the knowledge base: a page, a sitemap or a site crawled within its host
 * and path prefix, politely (robots.txt, a request rate, bounded responses and timeouts).
 */
@NullMarked
package dev.supportassistant.knowledge.sources;

import org.jspecify.annotations.NullMarked;
