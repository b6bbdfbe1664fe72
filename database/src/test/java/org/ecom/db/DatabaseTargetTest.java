package org.ecom.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** SQL Server connections are encrypted and verify the certificate unless the URL says otherwise. */
class DatabaseTargetTest {

    @Test
    void addsEncryptionToASqlServerUrlThatDoesNotSetIt() {
        assertEquals("jdbc:sqlserver://db.example:1433;databaseName=ecom;encrypt=true;trustServerCertificate=false",
                DatabaseTarget.withEncryptionDefaults("jdbc:sqlserver://db.example:1433;databaseName=ecom"));
    }

    @Test
    void addsEncryptionToAUrlWithoutPropertiesOrEndingInASemicolon() {
        assertEquals("jdbc:sqlserver://db.example;encrypt=true;trustServerCertificate=false",
                DatabaseTarget.withEncryptionDefaults("jdbc:sqlserver://db.example"));
        assertEquals("jdbc:sqlserver://db.example;database=ecom;encrypt=true;trustServerCertificate=false",
                DatabaseTarget.withEncryptionDefaults("jdbc:sqlserver://db.example;database=ecom;"));
    }

    @Test
    void anExplicitValueInTheUrlWinsWhateverItsCase() {
        String localTestServer = "jdbc:sqlserver://localhost;databaseName=ecom_test;Encrypt=false";
        assertEquals(localTestServer + ";trustServerCertificate=false",
                DatabaseTarget.withEncryptionDefaults(localTestServer));

        String selfSigned = "jdbc:sqlserver://localhost;encrypt=true; TrustServerCertificate = true";
        assertEquals(selfSigned, DatabaseTarget.withEncryptionDefaults(selfSigned));
    }

    @Test
    void aPropertyNameInsideAnotherValueDoesNotCount() {
        // "encrypt" here is part of a database name, not a connection property.
        assertEquals("jdbc:sqlserver://h;databaseName=encrypt_demo;encrypt=true;trustServerCertificate=false",
                DatabaseTarget.withEncryptionDefaults("jdbc:sqlserver://h;databaseName=encrypt_demo"));
    }
}
