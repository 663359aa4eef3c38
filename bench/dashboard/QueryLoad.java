import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Sends GET requests to one URL, one at a time over a kept-alive HTTP/1.1 connection,
 * and prints the latency percentiles of the measured requests (after a warm-up).
 * java QueryLoad.java URL [REQUESTS] [WARMUP]
 */
public class QueryLoad {

	public static void main(String[] args) throws Exception {
		URI uri = URI.create(args[0]);
		int requests = (args.length > 1) ? Integer.parseInt(args[1]) : 2000;
		int warmup = (args.length > 2) ? Integer.parseInt(args[2]) : 500;
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
		long bytes = 0;
		for (int i = 0; i < warmup; i++) {
			send(client, request);
		}
		long[] nanos = new long[requests];
		for (int i = 0; i < requests; i++) {
			long began = System.nanoTime();
			bytes = send(client, request);
			nanos[i] = System.nanoTime() - began;
		}
		Arrays.sort(nanos);
		System.out.printf("%s requests=%d body=%d B p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms%n", uri, requests,
				bytes, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[requests - 1] / 1e6);
	}

	private static long send(HttpClient client, HttpRequest request) throws Exception {
		HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(request.uri() + " returned status " + response.statusCode());
		}
		return response.body().length;
	}

	private static double ms(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(index, 0)] / 1e6;
	}

}
