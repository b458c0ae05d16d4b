package dev.retention.recommend.internal;

import dev.retention.recommend.Similarity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The trained model, immutable and made of primitive arrays so serving allocates nothing but its answer: for
 * every item its top-K similar items and its top-K frequently-bought-together items (compressed rows: the
 * neighbours of item {@code i} are {@code items[offsets[i]] .. items[offsets[i + 1] - 1]}, best first), a
 * trending score per item, and per category the items ordered by that score. Items are numbered densely; the
 * product ids are kept once.
 */
public final class RecommendationIndex {

    private static final int FORMAT = 1;

    final String[] itemIds;
    final String[] categories;
    final int[] itemCategory;
    final float[] popularity;
    final int[] simOffsets;
    final int[] simItems;
    final float[] simScores;
    final int[] fbtOffsets;
    final int[] fbtItems;
    final float[] fbtScores;
    /** Per category, items by popularity (best first): {@code catItems[catOffsets[c] .. catOffsets[c + 1] - 1]}. */
    final int[] catOffsets;
    final int[] catItems;
    /** All items by popularity, best first (capped). */
    final int[] topItems;
    final Similarity similarity;
    final Instant trainedAt;
    /** Orders the model has seen (full training plus folded-in orders). */
    final long orders;
    private final Map<String, Integer> lookup;
    private final Map<String, Integer> categoryLookup;

    RecommendationIndex(String[] itemIds, String[] categories, int[] itemCategory, float[] popularity,
            int[] simOffsets, int[] simItems, float[] simScores, int[] fbtOffsets, int[] fbtItems, float[] fbtScores,
            int[] catOffsets, int[] catItems, int[] topItems, Similarity similarity, Instant trainedAt, long orders) {
        this.itemIds = itemIds;
        this.categories = categories;
        this.itemCategory = itemCategory;
        this.popularity = popularity;
        this.simOffsets = simOffsets;
        this.simItems = simItems;
        this.simScores = simScores;
        this.fbtOffsets = fbtOffsets;
        this.fbtItems = fbtItems;
        this.fbtScores = fbtScores;
        this.catOffsets = catOffsets;
        this.catItems = catItems;
        this.topItems = topItems;
        this.similarity = similarity;
        this.trainedAt = trainedAt;
        this.orders = orders;
        this.lookup = new HashMap<>(itemIds.length * 2);
        for (int i = 0; i < itemIds.length; i++) {
            lookup.put(itemIds[i], i);
        }
        this.categoryLookup = new HashMap<>(categories.length * 2);
        for (int c = 0; c < categories.length; c++) {
            categoryLookup.put(categories[c], c);
        }
    }

    /** An index that knows nothing: serving falls back to nothing until the first training. */
    public static RecommendationIndex empty(Similarity similarity) {
        return new RecommendationIndex(new String[0], new String[0], new int[0], new float[0], new int[1],
                new int[0], new float[0], new int[1], new int[0], new float[0], new int[1], new int[0], new int[0],
                similarity, Instant.EPOCH, 0);
    }

    public int itemCount() {
        return itemIds.length;
    }

    public Instant trainedAt() {
        return trainedAt;
    }

    public Similarity similarity() {
        return similarity;
    }

    public long orders() {
        return orders;
    }

    /** The dense number of a product, or -1 when the model has never seen it. */
    public int itemNo(String productId) {
        Integer no = lookup.get(productId);
        return no == null ? -1 : no;
    }

    public String productId(int itemNo) {
        return itemIds[itemNo];
    }

    /** The category the product was last sold in, or null. */
    public String category(int itemNo) {
        int c = itemCategory[itemNo];
        return c < 0 ? null : categories[c];
    }

    /** The number of a category, or -1 when no sold product is in it. */
    public int categoryNo(String category) {
        Integer no = category == null ? null : categoryLookup.get(category);
        return no == null ? -1 : no;
    }

    /** Number of stored similar items of {@code itemNo}. */
    public int similarCount(int itemNo) {
        return simOffsets[itemNo + 1] - simOffsets[itemNo];
    }

    public int similarItem(int itemNo, int rank) {
        return simItems[simOffsets[itemNo] + rank];
    }

    public float similarScore(int itemNo, int rank) {
        return simScores[simOffsets[itemNo] + rank];
    }

    public int togetherCount(int itemNo) {
        return fbtOffsets[itemNo + 1] - fbtOffsets[itemNo];
    }

    public int togetherItem(int itemNo, int rank) {
        return fbtItems[fbtOffsets[itemNo] + rank];
    }

    /** Confidence P(bought with | bought this) of the ranked frequently-bought-together item. */
    public float togetherScore(int itemNo, int rank) {
        return fbtScores[fbtOffsets[itemNo] + rank];
    }

    public float popularity(int itemNo) {
        return popularity[itemNo];
    }

    /** Bytes of the arrays held (the product id strings and the lookup map excluded). */
    public long arrayBytes() {
        return 4L * (itemCategory.length + popularity.length + simOffsets.length + simItems.length
                + simScores.length + fbtOffsets.length + fbtItems.length + fbtScores.length + catOffsets.length
                + catItems.length + topItems.length);
    }

    /** The index as bytes, for {@code rtn_reco_index}. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + (int) arrayBytes() + itemIds.length * 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeUTF(similarity.name());
            out.writeLong(trainedAt.getEpochSecond());
            out.writeInt(trainedAt.getNano());
            out.writeLong(orders);
            writeStrings(out, itemIds);
            writeStrings(out, categories);
            writeInts(out, itemCategory);
            writeFloats(out, popularity);
            writeInts(out, simOffsets);
            writeInts(out, simItems);
            writeFloats(out, simScores);
            writeInts(out, fbtOffsets);
            writeInts(out, fbtItems);
            writeFloats(out, fbtScores);
            writeInts(out, catOffsets);
            writeInts(out, catItems);
            writeInts(out, topItems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static RecommendationIndex fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalStateException("Unknown recommendation index format " + format);
            }
            Similarity similarity = Similarity.valueOf(in.readUTF());
            Instant trainedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
            long orders = in.readLong();
            return new RecommendationIndex(readStrings(in), readStrings(in), readInts(in), readFloats(in),
                    readInts(in), readInts(in), readFloats(in), readInts(in), readInts(in), readFloats(in),
                    readInts(in), readInts(in), readInts(in), similarity, trainedAt, orders);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeStrings(DataOutputStream out, String[] values) throws IOException {
        out.writeInt(values.length);
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int value : values) {
            out.writeInt(value);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float value : values) {
            out.writeFloat(value);
        }
    }

    private static String[] readStrings(DataInputStream in) throws IOException {
        String[] values = new String[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readUTF();
        }
        return values;
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] values = new float[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}
