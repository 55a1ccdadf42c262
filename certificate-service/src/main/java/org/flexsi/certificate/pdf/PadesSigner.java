package org.flexsi.certificate.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Calendar;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.flexsi.platform.time.BusinessTime;

/**
 * PAdES baseline-B signature: a detached CMS (ETSI.CAdES.detached) over the whole file with the
 * signing-certificate-v2 attribute and no CMS signing-time (PAdES puts the time in the signature dictionary).
 */
public final class PadesSigner {
    private static final int SIGNATURE_SPACE = 12_288;

    private PadesSigner() {
    }

    public static byte[] sign(byte[] unsignedPdf, SealKey key, String reason, String location) {
        try (PDDocument document = Loader.loadPDF(unsignedPdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(key.certificate().getSubjectX500Principal().getName());
            signature.setReason(reason);
            signature.setLocation(location);
            signature.setSignDate(Calendar.getInstance(TimeZone.getTimeZone(BusinessTime.ZONE)));
            options.setPreferredSignatureSize(SIGNATURE_SPACE);
            document.addSignature(signature, content -> cms(content, key), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(unsignedPdf.length + SIGNATURE_SPACE * 2 + 4096);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sign the certificate PDF", e);
        }
    }

    private static byte[] cms(InputStream content, SealKey key) throws IOException {
        try {
            byte[] certificate = key.certificate().getEncoded();
            ESSCertIDv2 certId = new ESSCertIDv2(MessageDigest.getInstance("SHA-256").digest(certificate));
            Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId})));
            AttributeTable extra = new AttributeTable(new DERSet(signingCertificate));
            DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(extra);

            String algorithm = "RSA".equals(key.privateKey().getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(params -> defaults.getAttributes(params).remove(CMSAttributes.signingTime))
                    .build(new JcaContentSignerBuilder(algorithm).build(key.privateKey()), key.certificate()));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("CMS signature failed", e);
        }
    }
}
