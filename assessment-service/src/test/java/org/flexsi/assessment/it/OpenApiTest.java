package org.flexsi.assessment.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {
    @Test
    @SuppressWarnings("unchecked")
    void everyApiOperationIsDescribedAndProtected() {
        Map<String, Object> paths = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> missing = new ArrayList<>();
        for (var path : paths.entrySet()) {
            for (var op : ((Map<String, Object>) path.getValue()).entrySet()) {
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                if (operation.get("summary") == null || operation.get("tags") == null) {
                    missing.add(name + ": summary or tag");
                }
                if (path.getKey().startsWith("/api") && (responses == null || !responses.containsKey("401"))) {
                    missing.add(name + ": 401");
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(paths.containsKey("/api/v1/admin/catalogues/{version}/publish"));
    }
}
