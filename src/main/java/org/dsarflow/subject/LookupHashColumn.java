package org.dsarflow.subject;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.HexFormat;

/**
 * A lookup hash is handled as its lowercase hex text (what {@code IdentifierHasher} answers) and stored
 * as its 32 bytes: half the width in the table and its index.
 */
@Converter
class LookupHashColumn implements AttributeConverter<String, byte[]> {

    private static final HexFormat HEX = HexFormat.of();

    static byte[] bytes(String hash) {
        return HEX.parseHex(hash);
    }

    @Override
    public byte[] convertToDatabaseColumn(String hash) {
        return hash == null ? null : bytes(hash);
    }

    @Override
    public String convertToEntityAttribute(byte[] stored) {
        return stored == null ? null : HEX.formatHex(stored);
    }
}
