package org.flexsi.platform.openapi;

import java.util.ArrayList;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Says outright that an operation without a security requirement is public ({@code security: []}),
 * so a reader of the document never has to guess whether a token is needed.
 */
public class PublicOperations implements OASFilter {
    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>());
        }
        return operation;
    }
}
