package org.kotaku.portal.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;

/**
 * A set of IP address blocks in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32};
 * a bare address is a block of one), as written in {@code PORTAL_TRUSTED_PROXIES} and
 * {@code PORTAL_INTERNAL_NETWORKS}. Only literal addresses are accepted (a host name
 * would need a DNS lookup on every start and could change under us): a malformed entry
 * stops the start with the entry named.
 */
public final class AddressBlocks {

	/** Loopback, IPv4 and IPv6. */
	public static final AddressBlocks LOOPBACK = parse(List.of("127.0.0.0/8", "::1/128"));

	private final List<Block> blocks;

	private AddressBlocks(List<Block> blocks) {
		this.blocks = List.copyOf(blocks);
	}

	public static AddressBlocks parse(List<String> entries) {
		List<Block> blocks = new ArrayList<>();
		for (String entry : entries) {
			if (!entry.isBlank()) {
				blocks.add(Block.parse(entry.strip()));
			}
		}
		return new AddressBlocks(blocks);
	}

	public boolean isEmpty() {
		return this.blocks.isEmpty();
	}

	public AddressBlocks and(AddressBlocks other) {
		List<Block> both = new ArrayList<>(this.blocks);
		both.addAll(other.blocks);
		return new AddressBlocks(both);
	}

	public boolean contains(InetAddress address) {
		if (address == null) {
			return false;
		}
		for (Block block : this.blocks) {
			if (block.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a textual address (an {@code X-Forwarded-For} hop) lies in a block; false
	 * when it is no IP literal.
	 */
	public boolean contains(String address) {
		InetAddress parsed = literal(address);
		return parsed != null && contains(parsed);
	}

	/**
	 * The address a literal names, or null when the text is not an IPv4 or IPv6 literal:
	 * Netty's parser, which never looks a name up (an IPv6 literal may come in brackets,
	 * as in {@code Forwarded}).
	 */
	static InetAddress literal(String text) {
		String candidate = text.strip();
		if (candidate.startsWith("[") && candidate.endsWith("]")) {
			candidate = candidate.substring(1, candidate.length() - 1);
		}
		return NetUtil.createInetAddressFromIpAddressString(candidate);
	}

	@Override
	public String toString() {
		return this.blocks.toString();
	}

	/** One block: Netty's subnet rule does the matching, IPv4 and IPv6. */
	private record Block(String text, IpSubnetFilterRule rule) {

		static Block parse(String entry) {
			int slash = entry.indexOf('/');
			InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
			if (address == null) {
				throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block");
			}
			int bits = address.getAddress().length * 8;
			int prefix = bits;
			if (slash >= 0) {
				try {
					prefix = Integer.parseInt(entry.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					prefix = -1;
				}
				if (prefix < 0 || prefix > bits) {
					throw new IllegalArgumentException("'" + entry + "': the prefix length must be 0 to " + bits);
				}
			}
			return new Block(entry, new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT));
		}

		boolean contains(InetAddress address) {
			return this.rule.matches(new InetSocketAddress(address, 0));
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

}
