package dev.usagemonitor.transcript.push;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import dev.usagemonitor.transcript.ingest.IngestResult;
import dev.usagemonitor.transcript.ingest.IngestTarget;
import dev.usagemonitor.transcript.ingest.TranscriptIngester;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two push entry points for Claude Code data. They are MVC endpoints rather than
 * functions because transcript bodies are streamed (a function would buffer the whole
 * body) and because rejections need their own HTTP status.
 */
@RestController
class PushController {

	private static final Logger logger = LoggerFactory.getLogger(PushController.class);

	private static final int MAX_PROJECT_LENGTH = 255;

	private final PushAuthenticator authenticator;

	private final StatuslineRecorder statusline;

	private final TranscriptIngester ingester;

	PushController(PushAuthenticator authenticator, StatuslineRecorder statusline, TranscriptIngester ingester) {
		this.authenticator = authenticator;
		this.statusline = statusline;
		this.ingester = ingester;
	}

	/**
	 * {@code POST /recordStatusline?account=NAME}: the statusline JSON of Claude Code.
	 */
	@PostMapping(path = "/recordStatusline", produces = MediaType.APPLICATION_JSON_VALUE)
	StatuslineRecorder.StatuslineResult recordStatusline(@RequestParam(required = false) String account,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) byte[] body) {
		long accountId = this.authenticator.authenticate(account, authorization);
		return this.statusline.record(accountId, account, (body != null) ? body : new byte[0]);
	}

	/**
	 * {@code POST /ingestTranscripts?account=NAME&project=NAME}: transcript lines
	 * (JSONL), plain or gzip-compressed.
	 */
	@PostMapping(path = "/ingestTranscripts", produces = MediaType.APPLICATION_JSON_VALUE)
	IngestResult ingestTranscripts(@RequestParam(required = false) String account,
			@RequestParam(required = false) String project,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request) throws IOException {
		long accountId = this.authenticator.authenticate(account, authorization);
		String checkedProject = checkProject(project);
		try (InputStream body = decode(request)) {
			IngestResult result = this.ingester.ingest(body, new IngestTarget(accountId, checkedProject, null), false);
			logger.info("Ingested {} lines for account {} project {}: {} responses stored, {} malformed",
					result.lines(), account, checkedProject, result.stored(), result.malformed());
			return result;
		}
		catch (ZipException | EOFException ex) {
			throw new PushRejectedException(HttpStatus.BAD_REQUEST,
					"Invalid gzip body: " + ex.getMessage() + "; lines before the damage were stored", ex);
		}
	}

	@ExceptionHandler(PushRejectedException.class)
	ResponseEntity<Map<String, String>> rejected(PushRejectedException ex) {
		logger.info("Rejected a push: {}", ex.getMessage());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status());
		if (ex.status() == HttpStatus.UNAUTHORIZED) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		return response.contentType(MediaType.APPLICATION_JSON).body(Map.of("error", ex.getMessage()));
	}

	private static String checkProject(String project) {
		if (project == null || project.isBlank() || project.length() > MAX_PROJECT_LENGTH) {
			throw new PushRejectedException(HttpStatus.BAD_REQUEST,
					"Missing or too long query parameter 'project': " + "add &project=NAME (at most "
							+ MAX_PROJECT_LENGTH + " characters), for example the folder "
							+ "name under ~/.claude/projects");
		}
		return project;
	}

	/**
	 * Returns the body, decompressed when it is gzip: announced by
	 * {@code Content-Encoding: gzip} or recognized by the gzip magic bytes.
	 */
	private static InputStream decode(HttpServletRequest request) throws IOException {
		InputStream body = new BufferedInputStream(request.getInputStream(), 1 << 16);
		boolean announced = "gzip".equalsIgnoreCase(request.getHeader(HttpHeaders.CONTENT_ENCODING));
		if (announced || startsWithGzipMagic(body)) {
			return new GZIPInputStream(body, 1 << 16);
		}
		return body;
	}

	private static boolean startsWithGzipMagic(InputStream body) throws IOException {
		body.mark(2);
		int first = body.read();
		int second = body.read();
		body.reset();
		return first == 0x1f && second == 0x8b;
	}

}
