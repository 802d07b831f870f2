#!/bin/sh
# Prepares the SASL user and the TLS files, then runs Postfix in the foreground,
# logging to stdout.
set -eu

tls_dir=/etc/postfix/tls
mkdir -p "$tls_dir"

# Certificates are normally copied in by the tests. A missing pair is replaced by a
# self-signed placeholder so that every listener still starts.
for name in good wronghost expired; do
	if [ ! -s "$tls_dir/$name.pem" ] || [ ! -s "$tls_dir/$name.key" ]; then
		echo "postfix-entrypoint: WARNING: $tls_dir/$name.pem/.key missing, using a self-signed placeholder"
		openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=placeholder-$name" \
			-keyout "$tls_dir/$name.key" -out "$tls_dir/$name.pem" 2>/dev/null
	fi
done
chown -R root:root "$tls_dir"
chmod 0755 "$tls_dir"
chmod 0644 "$tls_dir"/*.pem
chmod 0600 "$tls_dir"/*.key

# SASL user (Cyrus sasldb, realm = myhostname, which is smtpd_sasl_local_domain).
realm="$(postconf -h myhostname)"
rm -f /etc/sasldb2
printf '%s' "${SMTP_PASSWORD}" | saslpasswd2 -p -c -u "$realm" -f /etc/sasldb2 "${SMTP_USER}"
chown root:sasl /etc/sasldb2
chmod 0640 /etc/sasldb2
echo "postfix-entrypoint: SASL user '${SMTP_USER}' created (realm $realm)"

postfix check
exec postfix start-fg
