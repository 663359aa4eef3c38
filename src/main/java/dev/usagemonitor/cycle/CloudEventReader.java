package dev.usagemonitor.cycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reads the {@link CycleTrigger} of a {@code POST /} request, following the CloudEvents
 * 1.0 HTTP protocol binding.
 * <ul>
 * <li>Structured mode: content type {@code application/cloudevents+json}, the event is
 * the JSON body.</li>
 * <li>Binary mode: {@code ce-specversion}, {@code ce-id}, {@code ce-source} and
 * {@code ce-type} headers, as Knative's PingSource sends them.</li>
 * <li>Anything else (an empty body from the OpenFaaS cron connector, the
 * {@code {"message":"Hello World"}} of {@code kn func invoke}, any other body) is a plain
 * request: its body carries no input for the cycle and is ignored.</li>
 * </ul>
 * A request that claims to be a CloudEvent but lacks a required attribute is rejected,
 * because its redeliveries could not be recognized.
 */
@Component
class CloudEventReader {

	static final MediaType STRUCTURED = MediaType.parseMediaType("application/cloudevents+json");

	static final MediaType BATCH = MediaType.parseMediaType("application/cloudevents-batch+json");

	/**
	 * Longest accepted {@code id} or {@code source}, which together are the stored
	 * delivery key.
	 */
	static final int MAX_KEY_LENGTH = 1024;

	/**
	 * Largest accepted structured event in bytes. The cycle needs only its attributes.
	 */
	static final int MAX_STRUCTURED_BYTES = 64 * 1024;

	private static final List<String> BINARY_MARKERS = List.of("ce-specversion", "ce-id", "ce-source", "ce-type");

	private final JsonMapper jsonMapper;

	CloudEventReader(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Returns the trigger described by the request.
	 * @throws MalformedCloudEventException when the request claims to be a CloudEvent but
	 * is not a valid one
	 */
	CycleTrigger read(HttpHeaders headers, InputStream body) {
		MediaType contentType = contentType(headers);
		if (contentType != null && STRUCTURED.equalsTypeAndSubtype(contentType)) {
			return readStructured(body);
		}
		if (contentType != null && BATCH.equalsTypeAndSubtype(contentType)) {
			throw new MalformedCloudEventException("Batched CloudEvents (application/cloudevents-batch+json) "
					+ "are not supported: send one event per request");
		}
		if (BINARY_MARKERS.stream().anyMatch(headers::containsHeader)) {
			return readBinary(headers);
		}
		return CycleTrigger.plain((contentType != null) ? "http " + contentType : "http");
	}

	private CycleTrigger readBinary(HttpHeaders headers) {
		checkSpecVersion(headers.getFirst("ce-specversion"), "header ce-specversion");
		String id = required(headers.getFirst("ce-id"), "header ce-id");
		String source = required(headers.getFirst("ce-source"), "header ce-source");
		String type = required(headers.getFirst("ce-type"), "header ce-type");
		return CycleTrigger.cloudEvent(source, id, type, headers.getFirst("ce-time"));
	}

	private CycleTrigger readStructured(InputStream body) {
		JsonNode event = parseObject(readLimited(body));
		checkSpecVersion(text(event, "specversion"), "attribute specversion");
		String id = required(text(event, "id"), "attribute id");
		String source = required(text(event, "source"), "attribute source");
		String type = required(text(event, "type"), "attribute type");
		return CycleTrigger.cloudEvent(source, id, type, text(event, "time"));
	}

	private JsonNode parseObject(byte[] body) {
		if (body == null || body.length == 0) {
			throw new MalformedCloudEventException("Invalid structured CloudEvent: the body is empty; send a JSON "
					+ "object with specversion, id, source and type, or use binary mode (ce-* headers)");
		}
		JsonNode event;
		try {
			event = this.jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedCloudEventException(
					"Invalid structured CloudEvent: the body is not valid JSON (" + ex.getOriginalMessage() + ")");
		}
		if (event == null || !event.isObject()) {
			throw new MalformedCloudEventException("Invalid structured CloudEvent: the body must be a JSON object "
					+ "with specversion, id, source and type");
		}
		return event;
	}

	private static byte[] readLimited(InputStream body) {
		try {
			byte[] bytes = body.readNBytes(MAX_STRUCTURED_BYTES + 1);
			if (bytes.length > MAX_STRUCTURED_BYTES) {
				throw new MalformedCloudEventException("Invalid structured CloudEvent: the body exceeds "
						+ MAX_STRUCTURED_BYTES + " bytes; this endpoint needs only specversion, id, source and type");
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to read the request body", ex);
		}
	}

	private static String text(JsonNode event, String attribute) {
		JsonNode value = event.get(attribute);
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	private static void checkSpecVersion(String version, String name) {
		String value = required(version, name);
		if (!"1.0".equals(value)) {
			throw new MalformedCloudEventException("Invalid CloudEvent: unsupported " + name + " '" + value
					+ "'; this endpoint accepts CloudEvents 1.0 (specversion 1.0)");
		}
	}

	private static String required(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new MalformedCloudEventException(
					"Invalid CloudEvent: missing " + name + "; a CloudEvent needs specversion, id, source and type");
		}
		if (value.length() > MAX_KEY_LENGTH) {
			throw new MalformedCloudEventException("Invalid CloudEvent: " + name + " is " + value.length()
					+ " characters long; the limit is " + MAX_KEY_LENGTH);
		}
		return value;
	}

	private static MediaType contentType(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.CONTENT_TYPE);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return MediaType.parseMediaType(value);
		}
		catch (InvalidMediaTypeException ex) {
			// A garbled content type on a plain request does not stop the cycle.
			return null;
		}
	}

}
