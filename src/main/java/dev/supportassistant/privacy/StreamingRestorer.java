package dev.supportassistant.privacy;

/**
 * Restores placeholders in an answer that arrives in pieces, as a provider streams it: each piece
 * is passed on at once, restored, except for a tail that may be the start of a placeholder cut by
 * the piece's end ({@code "[EMA"} then {@code "IL_1] is"}), which waits for the next piece. That
 * tail is at most 17 characters and only ever begins with {@code [}; {@link #finish()} passes on
 * whatever is left when the answer ends. One restorer per answer, used by one stream at a time.
 */
public final class StreamingRestorer {

    private final Masking masking;
    private final StringBuilder held = new StringBuilder(Placeholders.LONGEST);

    StreamingRestorer(Masking masking) {
        this.masking = masking;
    }

    /** @return the text the customer may see now: the piece, after what was held, less a possible placeholder's start */
    public String next(String piece) {
        held.append(piece);
        int open = held.lastIndexOf("[");
        int ready = open >= 0 && Placeholders.couldBeginOne(held, open) ? open : held.length();
        String text = held.substring(0, ready);
        held.delete(0, ready);
        return masking.restore(text);
    }

    /** @return what was held back, restored; the answer has ended */
    public String finish() {
        String text = held.toString();
        held.setLength(0);
        return masking.restore(text);
    }
}
