// Passkeys on Hearth's own pages: adding one on /me/passkeys and signing in with one on
// /sign-in. Talks to Spring Security's WebAuthn endpoints. No inline script anywhere (the
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

  function showError(message) {
    const error = document.getElementById("passkey-error");
    if (error) {
      error.textContent = message;
      error.hidden = false;
    }
  }

  function cancelled(error) {
    return error && (error.name === "NotAllowedError" || error.name === "AbortError");
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

  async function signIn(container) {
    const token = csrfToken(container);
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
    window.location.assign(result.redirectUrl);
  }

  if (!window.PublicKeyCredential || !navigator.credentials) {
    return; // the add form then posts to the server, which explains what is missing
  }

  const form = document.getElementById("add-passkey");
  if (form) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      addPasskey(form).catch((error) => showError(cancelled(error)
        ? "No passkey was added: the request was cancelled or timed out. You can try again."
        : "The passkey could not be added. Try again, or try another device."));
    });
  }

  const container = document.getElementById("passkey-sign-in");
  if (container) {
    container.hidden = false;
    document.getElementById("passkey-sign-in-button").addEventListener("click", () => {
      signIn(container).catch((error) => showError(cancelled(error)
        ? "You were not signed in: the passkey request was cancelled or timed out. You can try again."
        : "That passkey did not sign you in. Try again, or use your handle and password."));
    });
  }
})();
