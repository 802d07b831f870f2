/*
 * Copyright 2025-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.mailtls.smtp;

import java.net.IDN;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * A server's host and port in one canonical spelling, so that {@code LOCALHOST},
 * {@code localhost.} and {@code localhost} name the same server: host names are converted
 * to their A-label (IDNA) form, lower-cased and stripped of a trailing dot; IPv6 literals
 * lose their brackets and take the RFC 5952 form; IPv4 literals are kept. Names are never
 * resolved.
 *
 * @param host the canonical host
 * @param port the port
 * @since 0.1.0
 */
public record ServerKey(String host, int port) {

	/**
	 * Create a key from a host as configured and a port.
	 * @param host a host name, IPv4 literal or IPv6 literal with or without brackets
	 * @param port the port
	 * @return the key
	 */
	public static ServerKey of(String host, int port) {
		return new ServerKey(canonicalHost(host), port);
	}

	/**
	 * Parse the {@code host:port} form of {@link #toString()}, also accepting other
	 * spellings of the host and an IPv6 literal without brackets (the port follows the
	 * last colon).
	 * @param text the text
	 * @return the key
	 * @throws IllegalArgumentException if the text has no port
	 */
	public static ServerKey parse(String text) {
		String trimmed = text.trim();
		int colon = trimmed.lastIndexOf(':');
		if (colon <= 0 || colon == trimmed.length() - 1) {
			throw new IllegalArgumentException("'" + text + "' is not host:port");
		}
		try {
			return of(trimmed.substring(0, colon), Integer.parseInt(trimmed.substring(colon + 1)));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + text + "' is not host:port", ex);
		}
	}

	/**
	 * Return {@code host:port}, with an IPv6 host in brackets.
	 * @return the text form, which {@link #parse(String)} reads back
	 */
	@Override
	public String toString() {
		return (this.host.indexOf(':') >= 0) ? "[" + this.host + "]:" + this.port : this.host + ":" + this.port;
	}

	private static String canonicalHost(String host) {
		String trimmed = host.trim();
		if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
			trimmed = trimmed.substring(1, trimmed.length() - 1);
		}
		if (trimmed.indexOf(':') >= 0) {
			return ipv6(trimmed);
		}
		String name = trimmed;
		try {
			name = IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED);
		}
		catch (IllegalArgumentException ex) {
			// Not a valid IDN: the case and dot rules below still apply.
		}
		name = name.toLowerCase(Locale.ROOT);
		return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
	}

	private static String ipv6(String literal) {
		try {
			// Brackets make the JDK parse a literal or fail; it never resolves them.
			InetAddress address = InetAddress.getByName("[" + literal + "]");
			if (!(address instanceof Inet6Address)) {
				// An IPv4-mapped literal such as ::ffff:192.0.2.1 is that IPv4 host.
				return address.getHostAddress();
			}
			String compressed = compress(address.getAddress());
			int scope = literal.indexOf('%');
			return (scope >= 0) ? compressed + literal.substring(scope).toLowerCase(Locale.ROOT) : compressed;
		}
		catch (UnknownHostException ex) {
			return literal.toLowerCase(Locale.ROOT);
		}
	}

	// RFC 5952 section 4: lower-case hex without leading zeros, the longest run of two or
	// more zero groups (the first of equal runs) written as "::".
	private static String compress(byte[] address) {
		int[] groups = new int[8];
		for (int i = 0; i < 8; i++) {
			groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
		}
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < 8;) {
			int end = i;
			while (end < 8 && groups[end] == 0) {
				end++;
			}
			if (end - i > bestLength) {
				bestStart = i;
				bestLength = end - i;
			}
			i = Math.max(end, i + 1);
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				text.append("::");
				i += bestLength - 1;
				continue;
			}
			if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
				text.append(':');
			}
			text.append(Integer.toHexString(groups[i]));
		}
		return text.toString();
	}

}
