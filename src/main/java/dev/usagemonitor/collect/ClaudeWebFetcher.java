package dev.usagemonitor.collect;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

import dev.usagemonitor.config.Account;
import dev.usagemonitor.config.MonitorProperties;

import org.springframework.stereotype.Component;

/**
 * Reads the usage of a claude-web account: lists the organizations unless one is pinned,
 * chooses one, then reads its usage, authenticated with the {@code sessionKey} cookie.
 */
@Component
class ClaudeWebFetcher {

	private static final Pattern SAFE_PATH_SEGMENT = Pattern.compile("[A-Za-z0-9-]+");

	private final UsageHttpClient http;

	private final FailureClassifier classifier;

	private final UsageParser parser;

	private final JsonMapper json;

	private final String baseUrl;

	ClaudeWebFetcher(UsageHttpClient http, FailureClassifier classifier, UsageParser parser, JsonMapper json,
			MonitorProperties properties) {
		this.http = http;
		this.classifier = classifier;
		this.parser = parser;
		this.json = json;
		this.baseUrl = properties.claudeWeb().baseUrl().toString().replaceAll("/+$", "");
	}

	List<UsageWindow> fetch(FetchContext context) {
		Account account = context.account();
		String organization = (account.organizationId() != null) ? account.organizationId()
				: OrganizationChooser.choose(listOrganizations(context), account);
		if (!SAFE_PATH_SEGMENT.matcher(organization).matches()) {
			throw new CollectionFailedException(CollectionStatus.FORMAT_CHANGED,
					"claude.ai listed an organization uuid that is not a plain uuid; set "
							+ account.property("organization-id") + " to the uuid of the organization to monitor",
					context.lastHttpStatus());
		}
		ReceivedResponse response = get(context, "/api/organizations/" + organization + "/usage", Endpoint.WEB_USAGE);
		return this.parser.parse(response.body());
	}

	private List<Organization> listOrganizations(FetchContext context) {
		ReceivedResponse response = get(context, "/api/organizations", Endpoint.ORGANIZATIONS);
		return Organization.readAll(this.json, response.body());
	}

	private ReceivedResponse get(FetchContext context, String path, Endpoint endpoint) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Cookie", "sessionKey=" + context.account().sessionKey())
			.header("Accept", "application/json")
			.GET();
		ReceivedResponse response = this.http.send(request, context);
		if (!response.isSuccess() || HtmlResponses.isHtml(response)) {
			throw this.classifier.classify(response, endpoint, context.account());
		}
		return response;
	}

}
