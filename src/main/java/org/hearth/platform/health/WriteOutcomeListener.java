package org.hearth.platform.health;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteType;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells {@link RecentWrites} what every write through jOOQ did: committed (once per transaction,
 * when it commits) or refused by the database. This is what spares a working site test writes.
 */
@Configuration(proxyBeanMethods = false)
class WriteOutcomeListener {

    @Bean
    DefaultExecuteListenerProvider writeOutcomes(RecentWrites writes) {
        return new DefaultExecuteListenerProvider(new Listener(writes));
    }

    private record Listener(RecentWrites writes) implements ExecuteListener {

        @Override
        public void executeEnd(ExecuteContext context) {
            if (context.type() != ExecuteType.WRITE) {
                return;
            }
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                writes.succeeded(); // no transaction: the statement committed on its own
            } else if (TransactionSynchronizationManager.getSynchronizations().stream()
                    .noneMatch(CommitRecorder.class::isInstance)) {
                TransactionSynchronizationManager.registerSynchronization(new CommitRecorder(writes));
            }
        }

        @Override
        public void exception(ExecuteContext context) {
            writes.failed(context.sqlException() != null ? context.sqlException() : context.exception());
        }
    }

    /** Registered once per transaction that wrote. */
    private record CommitRecorder(RecentWrites writes) implements TransactionSynchronization {

        @Override
        public void afterCommit() {
            writes.succeeded();
        }
    }
}
