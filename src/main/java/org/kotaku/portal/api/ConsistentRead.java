package org.kotaku.portal.api;

import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * A read-only, repeatable-read transaction: every query in it sees the same committed data, whatever commits
 * meanwhile. What a whole read of one data version (a snapshot, the bulk files) runs in.
 */
public final class ConsistentRead {

	private ConsistentRead() {
	}

	public static TransactionalOperator operator(ReactiveTransactionManager transactions) {
		DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
		definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		definition.setReadOnly(true);
		return TransactionalOperator.create(transactions, definition);
	}

}
