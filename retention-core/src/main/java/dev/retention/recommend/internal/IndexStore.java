package dev.retention.recommend.internal;

import dev.retention.support.UtcTime;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Persists trained indexes in {@code rtn_reco_index} (one header per version) and
 * {@code rtn_reco_index_chunk} (the bytes in 1 MiB chunks, below every driver's packet limit), so a restarted
 * node serves the last model at once. Only the newest version is kept.
 */
public class IndexStore {

    static final int CHUNK = 1 << 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public IndexStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Stores the index as the newest version and drops older ones; returns the version. */
    public long save(RecommendationIndex index) {
        byte[] bytes = index.toBytes();
        return tx.execute(status -> {
            long version = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM rtn_reco_index").query(Long.class)
                    .single() + 1;
            int chunks = 0;
            for (int from = 0; from < bytes.length || chunks == 0; from += CHUNK) {
                byte[] chunk = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK));
                jdbc.sql("INSERT INTO rtn_reco_index_chunk (version, chunk_no, payload) VALUES (?, ?, ?)")
                        .params(version, chunks++, chunk)
                        .update();
            }
            jdbc.sql("INSERT INTO rtn_reco_index (version, similarity, trained_at, item_count, byte_count,"
                            + " chunk_count) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(version, index.similarity().name(), UtcTime.toColumn(index.trainedAt()),
                            index.itemCount(), bytes.length, chunks)
                    .update();
            jdbc.sql("DELETE FROM rtn_reco_index_chunk WHERE version < ?").param(version).update();
            jdbc.sql("DELETE FROM rtn_reco_index WHERE version < ?").param(version).update();
            return version;
        });
    }

    /** The newest stored version, 0 when none. */
    public long latestVersion() {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM rtn_reco_index").query(Long.class).single();
    }

    /** The newest stored index, if any. */
    public Optional<RecommendationIndex> loadLatest() {
        Optional<long[]> header = jdbc.sql("SELECT version, chunk_count FROM rtn_reco_index"
                        + " WHERE version = (SELECT MAX(version) FROM rtn_reco_index)")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        List<byte[]> chunks = jdbc.sql("SELECT payload FROM rtn_reco_index_chunk WHERE version = ?"
                        + " ORDER BY chunk_no")
                .param(header.get()[0])
                .query((rs, n) -> rs.getBytes(1))
                .list();
        if (chunks.size() != header.get()[1]) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        chunks.forEach(bytes::writeBytes);
        return Optional.of(RecommendationIndex.fromBytes(bytes.toByteArray()));
    }
}
