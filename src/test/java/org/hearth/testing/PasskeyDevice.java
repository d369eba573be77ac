package org.hearth.testing;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * A member's authenticator that really signs: it holds a P-256 key, its passkey is stored as
 * Spring Security stores one after registration, and it answers the site's challenges as a
 * browser would send them to {@code /login/webauthn} (presence and verification given). Lets
 * tests without a browser use passkey sign-in and passkey checks.
 */
public final class PasskeyDevice {

    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final byte UP = 0x01;
    private static final byte UV = 0x04;
    private static final byte AT = 0x40;
    private static final Pattern CHALLENGE = Pattern.compile("\"challenge\"\\s*:\\s*\"([^\"]+)\"");

    private final KeyPair keys;
    private final byte[] credentialId;
    private final byte[] userId;
    private final String rpId;
    private final String origin;
    private long counter = 1;

    private PasskeyDevice(KeyPair keys, byte[] credentialId, byte[] userId, String rpId, String origin) {
        this.keys = keys;
        this.credentialId = credentialId;
        this.userId = userId;
        this.rpId = rpId;
        this.origin = origin;
    }

    /** Makes a passkey for the member with this handle, stored under this label, for the site at rpId and origin. */
    public static PasskeyDevice add(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials,
            String handle, String label, String rpId, String origin) {
        PublicKeyCredentialUserEntity user = users.findByUsername(handle);
        if (user == null) {
            user = ImmutablePublicKeyCredentialUserEntity.builder().id(Bytes.random()).name(handle).displayName(handle).build();
            users.save(user);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            byte[] credentialId = Bytes.random().getBytes();
            EC2COSEKey cose = EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256);
            AuthenticatorData<?> registered = new AuthenticatorData<>(sha256(rpId), (byte) (UP | UV | AT), 1,
                    new AttestedCredentialData(AAGUID.ZERO, credentialId, cose));
            @SuppressWarnings({"rawtypes", "unchecked"})
            byte[] attestation = new AttestationObjectConverter(CONVERTER)
                    .convertToBytes(new AttestationObject((AuthenticatorData) registered, new NoneAttestationStatement()));
            String clientData = "{\"type\":\"webauthn.create\",\"challenge\":\"AAAA\",\"origin\":\"" + origin + "\"}";
            Instant now = Instant.now();
            credentials.save(ImmutableCredentialRecord.builder()
                    .credentialId(new Bytes(credentialId))
                    .userEntityUserId(user.getId())
                    .publicKey(new ImmutablePublicKeyCose(CONVERTER.getCborConverter().writeValueAsBytes(cose)))
                    .signatureCount(1)
                    .uvInitialized(true)
                    .backupEligible(false)
                    .backupState(false)
                    .transports(Set.of(AuthenticatorTransport.INTERNAL))
                    .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                    .attestationObject(new Bytes(attestation))
                    .attestationClientDataJSON(new Bytes(clientData.getBytes(StandardCharsets.UTF_8)))
                    .created(now)
                    .lastUsed(now)
                    .label(label)
                    .build());
            return new PasskeyDevice(keys, credentialId, user.getId().getBytes(), rpId, origin);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id Hearth knows this passkey by in its pages (base64url). */
    public String id() {
        return b64(credentialId);
    }

    /**
     * The JSON body a browser posts to {@code /login/webauthn} after the authenticator signed the
     * challenge in these options (the answer of {@code /webauthn/authenticate/options}).
     */
    public String answer(String optionsJson) {
        Matcher challenge = CHALLENGE.matcher(optionsJson);
        if (!challenge.find()) {
            throw new IllegalArgumentException("no challenge in " + optionsJson);
        }
        try {
            byte[] clientData = ("{\"type\":\"webauthn.get\",\"challenge\":\"" + challenge.group(1)
                    + "\",\"origin\":\"" + origin + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
            byte[] authenticatorData = new AuthenticatorDataConverter(CONVERTER)
                    .convert(new AuthenticatorData<>(sha256(rpId), (byte) (UP | UV), ++counter));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(authenticatorData);
            signer.update(MessageDigest.getInstance("SHA-256").digest(clientData));
            byte[] signature = signer.sign();
            return "{\"id\":\"" + b64(credentialId) + "\",\"rawId\":\"" + b64(credentialId) + "\","
                    + "\"response\":{\"authenticatorData\":\"" + b64(authenticatorData) + "\","
                    + "\"clientDataJSON\":\"" + b64(clientData) + "\",\"signature\":\"" + b64(signature) + "\","
                    + "\"userHandle\":\"" + b64(userId) + "\"},"
                    + "\"type\":\"public-key\",\"clientExtensionResults\":{},\"authenticatorAttachment\":\"platform\"}";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String text) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
