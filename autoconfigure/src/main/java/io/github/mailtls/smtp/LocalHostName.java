package io.github.mailtls.smtp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The name this host announces in EHLO, looked up once: Angus Mail resolves it again for
 * every new connection, which costs a DNS round trip per send. Same rules as Angus: the
 * canonical host name, or the address literal when the name is not qualified.
 *
 * @author mail-tls
 */
public final class LocalHostName implements Supplier<String> {

	private volatile @Nullable String name;

	@Override
	public String get() {
		String resolved = this.name;
		if (resolved == null) {
			resolved = resolve();
			this.name = resolved;
		}
		return resolved;
	}

	private static String resolve() {
		try {
			InetAddress localHost = InetAddress.getLocalHost();
			String canonical = localHost.getCanonicalHostName();
			if (canonical.indexOf('.') > 0 && !canonical.equals(localHost.getHostAddress())) {
				return canonical;
			}
			return "[" + localHost.getHostAddress() + "]";
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
