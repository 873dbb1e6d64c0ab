package dev.supportassistant.stats;

import java.util.List;

/**
 * The replies of a time window that no AI provider wrote, so that they count in no provider's
 * figures and no AI total.
 *
 * @param humanReplies replies support agents wrote from the desk
 * @param holdingReplies the service's one reply per handoff saying a person will join
 * @param agents the agents' replies per agent, by name
 */
public record HandoffStats(long humanReplies, long holdingReplies, List<AgentReplies> agents) {

    /** @param agent the name the agent replied under (a token's subject, or {@code admin}) */
    public record AgentReplies(String agent, long replies) {
    }
}
