package org.hearth.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A member deletes their account, for real. The steps: the password (or a passkey check) proves it is them; every
 * feature says whether something must happen first ({@link MemberData#beforeDeletion}); then
 * every feature erases what it holds, in one transaction, so a crash never leaves half an
 * account. The outcome tells the page what to say.
 */
@Service
public class AccountDeletion {

    /** How a deletion ended. */
    public sealed interface Outcome {
    }

    /** Everything about the member is erased; their sessions are gone too. */
    public record Erased() implements Outcome {
    }

    /** The password was not theirs (or, without one, no recent passkey check). Nothing was erased. */
    public record WrongPassword() implements Outcome {
    }

    /** Not yet: what the member must do first, one sentence per feature. Nothing was erased. */
    public record NotYet(List<String> firstSteps) implements Outcome {
    }

    private final Members members;
    private final ObjectProvider<MemberData> features;
    private final TransactionTemplate transactions;

    AccountDeletion(Members members, ObjectProvider<MemberData> features, PlatformTransactionManager transactionManager) {
        this.members = members;
        this.features = features;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public Outcome delete(String memberId, Reconfirmation proof) {
        // Checked before the transaction: hashing is slow, and on SQLite a transaction holds the one write lock.
        if (!members.confirms(memberId, proof)) {
            return new WrongPassword();
        }
        return transactions.execute(status -> {
            List<MemberData> all = features.orderedStream().toList();
            List<String> firstSteps = all.stream().map(f -> f.beforeDeletion(memberId)).flatMap(Optional::stream).toList();
            if (!firstSteps.isEmpty()) {
                return new NotYet(firstSteps);
            }
            all.forEach(f -> f.erase(memberId));
            return new Erased();
        });
    }
}
