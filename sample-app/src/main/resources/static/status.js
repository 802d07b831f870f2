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
// Renders the status page from /actuator/health, /actuator/mailtls and /inbox.
// Plain DOM and SVG: no build step, no third-party code, nothing loaded from elsewhere.
'use strict';

const REFRESH_MILLIS = 5000;
const OUTCOMES = ['success', 'refused', 'failure'];
const SVG = 'http://www.w3.org/2000/svg';

function el(tag, attributes = {}, ...children) {
	const element = document.createElement(tag);
	Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value));
	// Text goes in as text nodes: subjects and server messages are never parsed as HTML.
	children.forEach((child) => element.append(child instanceof Node ? child : document.createTextNode(String(child))));
	return element;
}

function svg(tag, attributes = {}, text) {
	const element = document.createElementNS(SVG, tag);
	Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value));
	if (text !== undefined) {
		element.textContent = text;
	}
	return element;
}

function definitions(list, entries) {
	list.replaceChildren(...entries
		.filter(([, value]) => value !== undefined && value !== null && value !== '')
		.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
}

function time(iso) {
	return iso ? new Date(iso).toLocaleTimeString() : '';
}

async function getJson(url) {
	const response = await fetch(url, { headers: { Accept: 'application/json' } });
	// Health answers 503 with a JSON body when DOWN: that is data, not a failure.
	if (!response.ok && response.status !== 503) {
		throw new Error(url + ' answered ' + response.status);
	}
	return response.json();
}

function renderHealth(health, policy) {
	const mail = health?.components?.mail;
	const status = mail?.status ?? 'UNKNOWN';
	const badge = document.getElementById('health-status');
	badge.textContent = status;
	badge.className = 'badge ' + status.toLowerCase();
	const details = mail?.details ?? {};
	document.getElementById('health-location').textContent = details.location ? 'mail server ' + details.location : '';
	definitions(document.getElementById('health-details'), [
		['Mode', details.mode],
		['Protocol', details.protocol],
		['Cipher suite', details.cipherSuite],
		['Refusal reason', details.reason],
		['Policy', policy ? policy.configuredMode + ' → ' + policy.mode + ', ' + policy.protocols.join(' / ') : details.policy],
		['Hostname verification', policy ? (policy.verifyHostname ? 'on' : 'OFF') : undefined],
		['Trust', policy?.trustSource],
		['Checked', time(details.checkedAt)],
	]);
	const error = document.getElementById('health-error');
	error.hidden = !details.error;
	error.textContent = details.error ?? '';
	renderCertificate(details.certificate, details.certificateExpiring);
}

function renderCertificate(certificate, expiring) {
	const days = document.getElementById('certificate-days');
	const meter = document.getElementById('certificate-meter');
	if (!certificate) {
		days.textContent = '–';
		meter.style.width = '0';
		definitions(document.getElementById('certificate-details'), [['Status', 'no certificate seen yet']]);
		return;
	}
	days.textContent = certificate.daysLeft;
	// A full bar is 90 days, the validity of a typical ACME certificate.
	meter.style.width = Math.max(0, Math.min(100, certificate.daysLeft / 90 * 100)) + '%';
	meter.className = expiring ? 'expiring' : '';
	definitions(document.getElementById('certificate-details'), [
		['Expires', new Date(certificate.notAfter).toLocaleString()],
		['Status', expiring ? 'EXPIRING SOON' : 'valid'],
		['Subject', certificate.subject],
		['Issuer', certificate.issuer],
	]);
}

function renderSends(sends) {
	document.getElementById('sends-empty').hidden = sends.length > 0;
	document.querySelector('#recent-sends tbody').replaceChildren(...sends.map((send) => el('tr', {},
		el('td', {}, time(send.timestamp)),
		el('td', {}, el('span', { class: 'badge ' + send.outcome }, send.outcome)),
		el('td', { class: 'mode' }, send.mode),
		el('td', { class: 'protocol' }, send.protocol ?? 'none'),
		el('td', {}, send.cipherSuite ?? ''),
		el('td', {}, send.reason ?? ''))));
	renderChart(sends);
}

function renderChart(sends) {
	const groups = new Map();
	sends.forEach((send) => {
		const key = send.mode + ' · ' + (send.protocol ?? 'none');
		const counts = groups.get(key) ?? { success: 0, refused: 0, failure: 0 };
		counts[send.outcome] = (counts[send.outcome] ?? 0) + 1;
		groups.set(key, counts);
	});
	const chart = document.getElementById('sends-chart');
	if (groups.size === 0) {
		chart.replaceChildren();
		return;
	}
	const barWidth = 56;
	const gap = 48;
	const plotHeight = 140;
	const top = 20;
	const left = 36;
	const width = left + groups.size * (barWidth + gap) + 120;
	const height = top + plotHeight + 40;
	const max = Math.max(...[...groups.values()].map((counts) => OUTCOMES.reduce((sum, outcome) => sum + counts[outcome], 0)));
	const image = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}` });
	image.append(svg('line', { x1: left, y1: top + plotHeight, x2: width - 120, y2: top + plotHeight, stroke: '#8a96a3' }));
	image.append(svg('text', { x: left - 8, y: top + 4, 'text-anchor': 'end' }, max));
	image.append(svg('text', { x: left - 8, y: top + plotHeight, 'text-anchor': 'end' }, 0));
	[...groups.entries()].forEach(([key, counts], index) => {
		const x = left + gap / 2 + index * (barWidth + gap);
		let y = top + plotHeight;
		OUTCOMES.forEach((outcome) => {
			const barHeight = counts[outcome] / max * plotHeight;
			if (barHeight > 0) {
				y -= barHeight;
				const bar = svg('rect', { x, y, width: barWidth, height: barHeight, class: 'bar ' + outcome });
				bar.append(svg('title', {}, `${key}: ${counts[outcome]} ${outcome}`));
				image.append(bar);
			}
		});
		const total = OUTCOMES.reduce((sum, outcome) => sum + counts[outcome], 0);
		image.append(svg('text', { x: x + barWidth / 2, y: y - 6, 'text-anchor': 'middle' }, total));
		image.append(svg('text', { x: x + barWidth / 2, y: top + plotHeight + 18, 'text-anchor': 'middle', class: 'label' }, key));
	});
	OUTCOMES.forEach((outcome, index) => {
		const y = top + index * 22;
		image.append(svg('rect', { x: width - 110, y, width: 14, height: 14, class: outcome }));
		image.append(svg('text', { x: width - 90, y: y + 12 }, outcome));
	});
	chart.replaceChildren(image);
}

function renderInbox(messages) {
	const section = document.getElementById('inbox');
	if (messages === null) {
		section.hidden = true;
		return;
	}
	section.hidden = false;
	document.getElementById('inbox-empty').hidden = messages.length > 0;
	document.getElementById('inbox-messages').replaceChildren(...messages.slice(0, 10).map((message) => el('li', {},
		el('strong', {}, message.subject ?? '(no subject)'), ' to ', message.to.join(', '), ' at ', time(message.receivedAt),
		' — ', message.tlsProtocol ? 'received over ' + message.tlsProtocol : 'received WITHOUT TLS')));
}

async function refresh() {
	const [health, mailtls, inbox] = await Promise.allSettled([
		getJson('actuator/health'),
		getJson('actuator/mailtls'),
		fetch('inbox').then((response) => (response.ok ? response.json() : null)),
	]);
	const policy = mailtls.status === 'fulfilled' ? mailtls.value.policy : undefined;
	renderHealth(health.status === 'fulfilled' ? health.value : undefined, policy);
	renderSends(mailtls.status === 'fulfilled' ? mailtls.value.recentSends : []);
	renderInbox(inbox.status === 'fulfilled' ? inbox.value : null);
}

async function send(event) {
	event.preventDefault();
	const form = event.target;
	const result = document.getElementById('send-result');
	result.className = '';
	result.textContent = 'Sending…';
	const response = await fetch('messages', {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		body: JSON.stringify(Object.fromEntries(new FormData(form))),
	});
	const body = await response.json();
	if (response.ok) {
		const tls = body.tls;
		result.textContent = tls ? `Sent over ${tls.mode} ${tls.protocol ?? 'without TLS'} (${tls.cipherSuite ?? 'no cipher'})` : 'Sent';
	}
	else {
		result.className = 'error';
		const fields = (body.errors ?? []).map((error) => error.field + ' ' + error.message).join(', ');
		result.textContent = (body.reason ? 'Refused: ' + body.reason + '. ' : '') + (fields || body.detail || response.statusText);
	}
	await refresh();
}

document.getElementById('send-form').addEventListener('submit', (event) => send(event).catch((error) => {
	document.getElementById('send-result').textContent = String(error);
}));
refresh().catch(() => {});
setInterval(() => refresh().catch(() => {}), REFRESH_MILLIS);
