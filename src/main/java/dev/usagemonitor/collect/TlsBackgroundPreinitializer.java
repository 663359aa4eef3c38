package dev.usagemonitor.collect;

import javax.net.ssl.SSLContext;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;

/**
 * Creates the JVM's default {@link SSLContext} on Spring Boot's background
 * pre-initialization thread while the main thread builds the application context.
 * <p>
 * Every {@link java.net.http.HttpClient} the monitor builds at start-up takes this
 * context, and creating it (reading the trust store and parsing its certificates) is one
 * of the larger single steps of a cold start. Boot runs pre-initializers only when the
 * JVM has more than one processor available. Otherwise the first client creates the
 * context as before.
 */
class TlsBackgroundPreinitializer implements BackgroundPreinitializer {

	@Override
	public void preinitialize() throws Exception {
		SSLContext.getDefault();
	}

}
