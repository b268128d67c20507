package app.pathary.arr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON body of a 2xx answer (or none, for DELETE), read as the shape a route promises; no body, or any other
 * shape, is {@link ArrException.NotArr}.
 */
public final class ArrAnswer {

    private final JsonNode body;
    private final String product;
    private final String request;

    ArrAnswer(JsonNode body, String product, String request) {
        this.body = body == null ? MissingNode.getInstance() : body;
        this.product = product;
        this.request = request;
    }

    public boolean isEmpty() {
        return body.isMissingNode();
    }

    /** The body as one JSON object. */
    public ArrObject object() {
        requireBody();
        if (!body.isObject()) {
            throw new ArrException.NotArr(product, request, "expected a JSON object");
        }
        return new ArrObject(body, product, request);
    }

    /** The body as a JSON array of objects. */
    public List<ArrObject> objects() {
        requireBody();
        if (!body.isArray()) {
            throw new ArrException.NotArr(product, request, "expected a JSON array");
        }
        List<ArrObject> objects = new ArrayList<>();
        for (JsonNode element : body) {
            if (!element.isObject()) {
                throw new ArrException.NotArr(product, request, "expected an array of objects");
            }
            objects.add(new ArrObject(element, product, request));
        }
        return objects;
    }

    private void requireBody() {
        if (isEmpty()) {
            throw new ArrException.NotArr(product, request, ArrException.NotArr.Problem.EMPTY, "no body");
        }
    }
}
