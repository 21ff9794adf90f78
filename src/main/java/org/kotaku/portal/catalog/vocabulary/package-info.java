/**
 * The closed vocabularies of the published data, one enum each: the codes the canonical
 * tables store (their check constraints list the same codes), that ingestion validates
 * and that the catalog publishes with their labels.
 */
package org.kotaku.portal.catalog.vocabulary;
