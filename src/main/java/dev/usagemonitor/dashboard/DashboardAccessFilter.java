package dev.usagemonitor.dashboard;

import java.util.List;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires the dashboard token on the page ({@code GET /}), its fragments and every
 * function path that includes {@code queryUsage}, when {@code monitor.dashboard.token} is
 * set. A request passes with {@code Authorization: Bearer <token>} or with the login
 * cookie. Without either, a browser is sent to the login form, htmx gets
 * {@code HX-Redirect}, and API clients get 401. The cycle ({@code POST /}), health and
 * metrics endpoints and static files are not covered. Also sets a Content Security Policy
 * on the dashboard's pages that allows only same-origin scripts and styles.
 */
@Component
class DashboardAccessFilter extends OncePerRequestFilter {

	static final String SESSION_COOKIE = "usage_dashboard";

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; "
			+ "base-uri 'none'";

	private final DashboardToken token;

	DashboardAccessFilter(DashboardToken token) {
		this.token = token;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isPage(request)) {
			response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("Referrer-Policy", "same-origin");
		}
		if (!this.token.required() || !isProtected(request) || isAuthorized(request)) {
			chain.doFilter(request, response);
			return;
		}
		reject(request, response);
	}

	private static boolean isPage(HttpServletRequest request) {
		String path = request.getRequestURI();
		return ("GET".equals(request.getMethod()) && "/".equals(path)) || path.startsWith("/fragments/")
				|| path.equals("/login");
	}

	/**
	 * Functions that read usage or act on accounts and channels. {@code POST /} stays
	 * open for the cron, and the push endpoints check the account's own push token.
	 */
	private static final List<String> PROTECTED_FUNCTIONS = List.of("queryUsage", "scrapeUsage", "evaluateThresholds",
			"notifyWebhook");

	static boolean isProtected(HttpServletRequest request) {
		String path = request.getRequestURI();
		if ("/".equals(path)) {
			return !"POST".equals(request.getMethod());
		}
		if (path.startsWith("/fragments/")) {
			return true;
		}
		String first = path.substring(1).split("/", 2)[0];
		return PROTECTED_FUNCTIONS.stream().anyMatch(first::contains);
	}

	private boolean isAuthorized(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return this.token.matches(header.substring(7).strip());
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (SESSION_COOKIE.equals(cookie.getName()) && this.token.matchesCookie(cookie.getValue())) {
					return true;
				}
			}
		}
		return false;
	}

	private static void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getHeader("HX-Request") != null) {
			response.setHeader("HX-Redirect", "/login");
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		if ("/".equals(request.getRequestURI()) && accepts(request, MediaType.TEXT_HTML_VALUE)) {
			response.setStatus(HttpServletResponse.SC_SEE_OTHER);
			response.setHeader(HttpHeaders.LOCATION, "/login");
			return;
		}
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"claude-usage\"");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter()
			.write("{\"error\":\"unauthorized\",\"message\":\"Missing or invalid dashboard token: send "
					+ "Authorization: Bearer <monitor.dashboard.token> or sign in at /login\"}");
	}

	private static boolean accepts(HttpServletRequest request, String type) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept == null || accept.contains(type) || accept.contains("*/*");
	}

}
