/**
 * The API keys of the program's systems: each names its source and the datasets it may
 * write, is stored only as a hash, and is created or revoked from the command line
 * ({@code --portal.admin.create-key}). Depends on {@code ingest.dataset} and {@code api}.
 */
package org.kotaku.portal.ingest.keys;
