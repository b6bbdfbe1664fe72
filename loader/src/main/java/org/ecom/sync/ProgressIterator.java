package org.ecom.sync;

import java.util.Iterator;
import java.util.function.LongConsumer;

/** Passes items through, telling a listener the count every so often and at the end. */
final class ProgressIterator<T> implements Iterator<T> {

    private final Iterator<T> inner;
    private final int every;
    private final LongConsumer progress;
    private long count;

    ProgressIterator(Iterator<T> inner, int every, LongConsumer progress) {
        this.inner = inner;
        this.every = every;
        this.progress = progress;
    }

    @Override
    public boolean hasNext() {
        boolean more = inner.hasNext();
        if (!more) {
            progress.accept(count);
        }
        return more;
    }

    @Override
    public T next() {
        T item = inner.next();
        if (++count % every == 0) {
            progress.accept(count);
        }
        return item;
    }
}
