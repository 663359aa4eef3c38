package dev.usagemonitor.collect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into memory and cancels the exchange as soon as it grows past
 * a limit, so that an unexpected large response cannot exhaust the heap.
 */
final class LimitedBodySubscriber implements BodySubscriber<byte[]> {

	private final long limit;

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

	private final CompletableFuture<byte[]> body = new CompletableFuture<>();

	private Flow.Subscription subscription;

	LimitedBodySubscriber(long limit) {
		this.limit = limit;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> items) {
		for (ByteBuffer item : items) {
			if (this.body.isDone()) {
				return;
			}
			if (this.buffer.size() + (long) item.remaining() > this.limit) {
				this.subscription.cancel();
				this.body.completeExceptionally(new ResponseTooLargeException(this.limit));
				return;
			}
			byte[] bytes = new byte[item.remaining()];
			item.get(bytes);
			this.buffer.write(bytes, 0, bytes.length);
		}
	}

	@Override
	public void onError(Throwable throwable) {
		this.body.completeExceptionally(throwable);
	}

	@Override
	public void onComplete() {
		this.body.complete(this.buffer.toByteArray());
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return this.body;
	}

	/**
	 * Thrown when a response body is larger than the configured limit.
	 */
	static final class ResponseTooLargeException extends IOException {

		ResponseTooLargeException(long limit) {
			super("the response is larger than " + limit + " bytes");
		}

	}

}
