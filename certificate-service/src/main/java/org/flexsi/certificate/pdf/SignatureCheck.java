package org.flexsi.certificate.pdf;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/** What a PDF's signature says: which certificate it claims to be, and whether the signature holds over the whole file. */
public record SignatureCheck(Optional<String> claimedNumber, boolean signed, boolean coversWholeFile, boolean signatureValid,
        Optional<X509Certificate> signer) {

    /** @throws IOException if the bytes are not a readable PDF */
    public static SignatureCheck of(byte[] file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file)) {
            Optional<String> number = Optional.ofNullable(document.getDocumentInformation()
                    .getCustomMetadataValue(CertificatePdf.NUMBER_KEY)).filter(n -> !n.isBlank());
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return new SignatureCheck(number, false, false, false, Optional.empty());
            }
            PDSignature signature = signatures.get(signatures.size() - 1);
            int[] range = signature.getByteRange();
            boolean whole = signatures.size() == 1 && range.length == 4 && range[0] == 0
                    && (long) range[2] + range[3] == file.length;
            try {
                CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(file)),
                        // the reserved space after the DER object is zero padding: read one object only
                        new java.io.ByteArrayInputStream(signature.getContents(file)));
                SignerInformation signerInfo = cms.getSignerInfos().getSigners().iterator().next();
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signerInfo.getSID());
                if (matches.isEmpty()) {
                    return new SignatureCheck(number, true, whole, false, Optional.empty());
                }
                X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
                boolean valid = signerInfo.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
                return new SignatureCheck(number, true, whole, valid, Optional.of(certificate));
            } catch (CMSException | CertificateException | OperatorCreationException | RuntimeException e) {
                // a damaged signature is an answer about the file, not a failure of the check
                return new SignatureCheck(number, true, whole, false, Optional.empty());
            }
        }
    }

    public boolean intact() {
        return signed && coversWholeFile && signatureValid;
    }
}
