package dev.usagemonitor.collect;

import java.util.List;
import java.util.stream.Collectors;

import dev.usagemonitor.config.Account;

/**
 * Chooses the organization whose usage a claude-web account reads when none is pinned:
 * the single one with the {@code claude_max} or {@code claude_pro} capability. One login
 * often belongs to several organizations (personal, Team, API-only) in any order, so the
 * first one is never taken on trust.
 */
final class OrganizationChooser {

	private OrganizationChooser() {
	}

	/**
	 * Returns the uuid of the only Pro or Max organization.
	 * @throws CollectionFailedException with {@code organization_ambiguous} when there is
	 * none or more than one, listing the uuids and names to choose from
	 */
	static String choose(List<Organization> organizations, Account account) {
		List<Organization> candidates = organizations.stream().filter(Organization::isProOrMax).toList();
		if (candidates.size() == 1) {
			return candidates.get(0).uuid();
		}
		String fix = "; set " + account.property("organization-id") + " to the uuid of the organization to monitor";
		String problem;
		if (organizations.isEmpty()) {
			problem = "claude.ai listed no organization for this session";
		}
		else if (candidates.isEmpty()) {
			problem = "None of the organizations is a Pro or Max plan: " + describe(organizations);
		}
		else {
			problem = candidates.size() + " organizations have a Pro or Max plan: " + describe(candidates);
		}
		throw new CollectionFailedException(CollectionStatus.ORGANIZATION_AMBIGUOUS, problem + fix, null);
	}

	private static String describe(List<Organization> organizations) {
		return organizations.stream().map(Organization::describe).collect(Collectors.joining(", "));
	}

}
