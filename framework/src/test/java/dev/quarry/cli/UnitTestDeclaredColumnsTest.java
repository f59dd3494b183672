package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit test gives only the columns it is about: the input's other declared columns are null, typed as the YAML
 * declares them (BigQuery's type names included, on the embedded engine that runs the test).
 */
class UnitTestDeclaredColumnsTest {

    @TempDir
    Path dir;

    @Test
    void columnsTheRowsLeaveOutAreTypedNulls() {
        TestProject.Result result = TestProject.in(dir).file("models/sources.yml", """
                version: 2
                sources:
                  - name: raw
                    tables:
                      - name: payments
                        columns:
                          - {name: payment_id, data_type: int64}
                          - {name: amount, data_type: float64}
                          - {name: paid_at, data_type: datetime}
                          - {name: note, data_type: string}
                unit_tests:
                  - name: unpaid_amounts_are_zero
                    model: payments_due
                    given:
                      - input: source('raw', 'payments')
                        rows:
                          - {payment_id: 1}
                          - {payment_id: 2, amount: 2.5, paid_at: "2024-01-01 10:00:00"}
                    expect:
                      rows:
                        - {payment_id: 1, amount_due: 0, is_paid: false, note_length: null}
                        - {payment_id: 2, amount_due: 2.5, is_paid: true, note_length: null}
                """).file("models/payments_due.sql", """
                select payment_id, coalesce(amount, 0) as amount_due, paid_at > timestamp '2000-01-01' is not null
                    and paid_at > timestamp '2000-01-01' as is_paid, length(note) as note_length
                from ${source('raw', 'payments')}
                """).run("test", "-s", "test_type:unit");

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.stdout()).contains("PASS=1");
    }
}
