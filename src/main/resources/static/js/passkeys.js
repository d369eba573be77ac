// Passkeys on Hearth's own pages: adding one on /me/passkeys, signing in with one on /sign-in,
// and confirming it is you with one on the forms of an account without a password. Talks to Spring Security's WebAuthn endpoints. No inline script anywhere (the
// Content-Security-Policy allows only files from this site), so this file finds its elements
// by id. Without this script, or in a browser without passkeys, the pages work as before.
"use strict";
(() => {
  const CSRF_HEADER = "X-CSRF-TOKEN"; // Spring Security's default header for the form token

  function toBase64Url(buffer) {
    const text = String.fromCharCode(...new Uint8Array(buffer));
    return window.btoa(text).replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
  }

  function fromBase64Url(value) {
    const text = window.atob(value.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(text, (c) => c.charCodeAt(0)).buffer;
  }

  function csrfToken(within) {
    const input = within.querySelector("input[name=_csrf]");
    return input ? input.value : "";
  }

  async function postJson(url, token, body) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", [CSRF_HEADER]: token },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error("HTTP " + response.status);
    }
    return response.json();
  }

  function showError(message, where) {
    const error = where || document.getElementById("passkey-error");
    if (error) {
      error.textContent = message;
      error.hidden = false;
    }
  }

  function cancelled(error) {
    return error && (error.name === "NotAllowedError" || error.name === "AbortError");
  }

  // Browsers refuse passkeys on a bare IP address (127.0.0.1, 192.168.1.20, [::1]): WebAuthn ties
  // each passkey to a domain name. Say so, rather than a vague failure.
  function onBareAddress() {
    const host = window.location.hostname;
    return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(":") || host.startsWith("[");
  }

  const BARE_ADDRESS = "Passkeys work only when Hearth is opened at a domain name, not at a bare IP address like "
    + window.location.hostname + ". Open this page at the site's name instead (on your own computer: http://localhost"
    + (window.location.port ? ":" + window.location.port : "") + "), or ask the site operator to give Hearth a domain name.";

  function explain(error, cancelledText, otherText) {
    if (onBareAddress() || (error && error.name === "SecurityError")) {
      return onBareAddress() ? BARE_ADDRESS
        : "This browser does not allow passkeys at this address. Check that the site's address matches the one it is set up for.";
    }
    return cancelled(error) ? cancelledText : otherText;
  }

  async function addPasskey(form) {
    const label = form.querySelector("input[name=label]").value.trim();
    if (!label) {
      showError("Give this passkey a name, so you can tell your passkeys apart.");
      return;
    }
    const token = csrfToken(form);
    const options = await postJson("/webauthn/register/options", token);
    const credential = await navigator.credentials.create({
      publicKey: {
        ...options,
        challenge: fromBase64Url(options.challenge),
        user: { ...options.user, id: fromBase64Url(options.user.id) },
        excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: fromBase64Url(c.id) })),
      },
    });
    const response = credential.response;
    const result = await postJson("/webauthn/register", token, {
      publicKey: {
        credential: {
          id: credential.id,
          rawId: toBase64Url(credential.rawId),
          response: {
            attestationObject: toBase64Url(response.attestationObject),
            clientDataJSON: toBase64Url(response.clientDataJSON),
            transports: response.getTransports ? response.getTransports() : [],
          },
          type: credential.type,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment,
        },
        label,
      },
    });
    if (!result || !result.success) {
      throw new Error("not saved");
    }
    window.location.assign("/me/passkeys");
  }

  // Asks the authenticator to sign the site's challenge and sends the answer to the passkey
  // sign-in; a member already signed in thereby confirms it is them (only their own passkeys count).
  async function usePasskey(token) {
    const options = await postJson("/webauthn/authenticate/options", token);
    const credential = await navigator.credentials.get({
      publicKey: {
        ...options,
        challenge: fromBase64Url(options.challenge),
        allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: fromBase64Url(c.id) })),
      },
    });
    const response = credential.response;
    const result = await postJson("/login/webauthn", token, {
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      response: {
        authenticatorData: toBase64Url(response.authenticatorData),
        clientDataJSON: toBase64Url(response.clientDataJSON),
        signature: toBase64Url(response.signature),
        userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined,
      },
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment,
    });
    if (!result || !result.authenticated || !result.redirectUrl) {
      throw new Error("not signed in");
    }
    return result;
  }

  async function signIn(container) {
    const result = await usePasskey(csrfToken(container));
    window.location.assign(result.redirectUrl);
  }

  async function check(button) {
    await usePasskey(csrfToken(button.form || document));
    // the same page again, by GET, with the form now accepting the check
    window.location.assign(window.location.pathname);
  }

  if (window.hearthPasskeys) {
    return; // the script is on the page twice
  }
  window.hearthPasskeys = true;

  if (!window.PublicKeyCredential || !navigator.credentials) {
    return; // the add form then posts to the server, which explains what is missing
  }

  const form = document.getElementById("add-passkey");
  if (form) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      addPasskey(form).catch((error) => showError(explain(error,
        "No passkey was added: the request was cancelled or timed out. You can try again.",
        "The passkey could not be added. Try again, or try another device.")));
    });
  }

  const container = document.getElementById("passkey-sign-in");
  if (container) {
    container.hidden = false;
    document.getElementById("passkey-sign-in-button").addEventListener("click", () => {
      signIn(container).catch((error) => showError(explain(error,
        "You were not signed in: the passkey request was cancelled or timed out. You can try again.",
        "That passkey did not sign you in. Try again, or use your handle and password.")));
    });
  }

  document.querySelectorAll("button[data-passkey-check]").forEach((button) => {
    button.hidden = false;
    const error = button.parentElement.querySelector("[data-passkey-error]");
    button.addEventListener("click", () => {
      check(button).catch((e) => showError(explain(e,
        "Nothing was confirmed: the passkey request was cancelled or timed out. You can try again.",
        "That did not work: use a passkey of this account. Try again, or sign out and sign in with your passkey."), error));
    });
  });
})();
