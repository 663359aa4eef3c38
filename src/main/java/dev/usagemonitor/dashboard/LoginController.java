package dev.usagemonitor.dashboard;

import java.time.Duration;

import dev.usagemonitor.query.DashboardProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login form of the dashboard: a correct token sets an HttpOnly, SameSite=Lax cookie
 * that the access filter accepts for {@code monitor.dashboard.session-lifetime}.
 */
@Controller
class LoginController {

	private static final Logger logger = LoggerFactory.getLogger(LoginController.class);

	private final DashboardToken token;

	private final Duration lifetime;

	LoginController(DashboardToken token, DashboardProperties properties) {
		this.token = token;
		this.lifetime = properties.sessionLifetime();
	}

	@GetMapping("/login")
	String form(Model model) {
		if (!this.token.required()) {
			return "redirect:/";
		}
		model.addAttribute("failed", false);
		return "pages/login";
	}

	@PostMapping("/login")
	String login(@RequestParam(name = "token", required = false) String presented, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (!this.token.required()) {
			return "redirect:/";
		}
		if (!this.token.matches(presented)) {
			logger.warn("Rejected a dashboard sign-in from {}: the token does not match", request.getRemoteAddr());
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			model.addAttribute("failed", true);
			return "pages/login";
		}
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(this.token.cookieValue(), this.lifetime, request).toString());
		return "redirect:/";
	}

	@PostMapping("/logout")
	String logout(HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, request).toString());
		return "redirect:/login";
	}

	private static ResponseCookie cookie(String value, Duration maxAge, HttpServletRequest request) {
		return ResponseCookie.from(DashboardAccessFilter.SESSION_COOKIE, value)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path("/")
			.maxAge(maxAge)
			.build();
	}

}
