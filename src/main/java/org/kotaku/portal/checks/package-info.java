/**
 * The public reconciliation ledger ({@code /api/v1/checks}): named consistency checks of
 * the canonical data (children sum to their parent, money within ceilings and budgets,
 * progress consistent with status, stored assessment totals and levels equal to their
 * recomputation, activity points inside their regions, percentages within 0-100), each a
 * SQL file in {@code sql/checks/} that returns the ids of the offending records of one
 * {@link org.kotaku.portal.catalog catalog} dataset. They run once per data version, off
 * the request path, when the read model moves to a new version
 * ({@link org.kotaku.portal.checks.CheckRepository}). Depends on {@code catalog},
 * {@code api}, {@code dataversion}, {@code httpcache}, {@code licence} and
 * {@code readmodel}.
 */
package org.kotaku.portal.checks;
