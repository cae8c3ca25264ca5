/* C smoke test of the creditline C ABI: orders the example feature table,
 * prints the main titles, and checks the status of a too-small buffer, a
 * bad role and a null pointer. Build: see README ("Use from C"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "creditline.h"

static int failures = 0;
static int checks = 0;

#define CHECK(cond, ...)                                                     \
    do {                                                                     \
        checks++;                                                            \
        if (!(cond)) {                                                       \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);             \
            fprintf(stderr, __VA_ARGS__);                                    \
            fprintf(stderr, "\n");                                           \
            failures++;                                                      \
        }                                                                    \
    } while (0)

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)size);
    if (buf && fread(buf, 1, (size_t)size, f) != (size_t)size) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = (size_t)size;
    return buf;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: smoke examples/tables/feature.json\n");
        return 2;
    }
    size_t table_len = 0;
    char *table = read_file(argv[1], &table_len);
    if (!table) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    static uint8_t out[1 << 20];
    size_t out_len = 0;
    CreditlineError error;

    /* The main titles of the example feature. */
    CreditlineStatus status = creditline_order((const uint8_t *)table, table_len, 0, out, sizeof out, &out_len, &error);
    CHECK(status == CREDITLINE_STATUS_OK, "order: status %d (%s)", (int)status, (const char *)error.message);
    printf("%.*s\n", (int)out_len, (const char *)out);
    CHECK(strstr((const char *)out, "\"heading\":\"Directed by\"") != NULL, "no director card");
    CHECK(out_len > 2 && out[0] == '{' && out[out_len - 1] == '}', "not one JSON object");

    /* A too-small buffer says how large it must be. */
    size_t small_len = 0;
    status = creditline_order((const uint8_t *)table, table_len, 0, out, 16, &small_len, &error);
    CHECK(status == CREDITLINE_STATUS_BUFFER_TOO_SMALL, "small buffer: status %d", (int)status);
    CHECK(error.needed == out_len, "needed %zu, document is %zu", error.needed, out_len);

    /* A bad role names the entry and suggests the nearest id. */
    const char *bad = "{\"entries\":[{\"name\":\"A\",\"role\":\"editor\"},{\"name\":\"B\",\"role\":\"diretor\"}]}";
    status = creditline_order((const uint8_t *)bad, strlen(bad), 0, out, sizeof out, &out_len, &error);
    CHECK(status == CREDITLINE_STATUS_PARSE_ERROR, "bad role: status %d", (int)status);
    CHECK(error.entry == 1, "bad role: entry %lld", (long long)error.entry);
    CHECK(strstr((const char *)error.message, "did you mean \"director\"") != NULL, "message: %s",
          (const char *)error.message);

    /* A syntax error has a byte offset. */
    const char *broken = "{\"entries\":[{\"name\":\"A\",\"role\":\"editor\",\"fee\":1.5}]}";
    status = creditline_topsheet((const uint8_t *)broken, strlen(broken), out, sizeof out, &out_len, &error);
    CHECK(status == CREDITLINE_STATUS_PARSE_ERROR, "float fee: status %d", (int)status);
    CHECK(error.offset == 46, "float fee: offset %lld", (long long)error.offset);

    /* Null pointers and bad arguments. */
    status = creditline_order(NULL, 10, 0, out, sizeof out, &out_len, &error);
    CHECK(status == CREDITLINE_STATUS_NULL_POINTER, "null table: status %d", (int)status);
    status = creditline_classify((const uint8_t *)table, table_len, out, sizeof out, NULL, NULL);
    CHECK(status == CREDITLINE_STATUS_NULL_POINTER, "null out_len: status %d", (int)status);
    status = creditline_order((const uint8_t *)table, table_len, 7, out, sizeof out, &out_len, &error);
    CHECK(status == CREDITLINE_STATUS_INVALID_ARGUMENT, "sequence 7: status %d", (int)status);

    /* Split, classify and top sheet work too. */
    uint32_t weights[3] = {1, 1, 1};
    int64_t parts[3] = {0, 0, 0};
    status = creditline_split(100, weights, 3, parts, &error);
    CHECK(status == CREDITLINE_STATUS_OK && parts[0] == 34 && parts[1] == 33 && parts[2] == 33, "split");
    uint32_t zero[2] = {0, 0};
    status = creditline_split(100, zero, 2, parts, &error);
    CHECK(status == CREDITLINE_STATUS_INVALID_ARGUMENT, "zero weights: status %d", (int)status);
    status = creditline_classify((const uint8_t *)table, table_len, out, sizeof out, &out_len, &error);
    CHECK(status == CREDITLINE_STATUS_OK, "classify: status %d", (int)status);
    status = creditline_topsheet((const uint8_t *)table, table_len, out, sizeof out, &out_len, &error);
    CHECK(status == CREDITLINE_STATUS_OK && strstr((const char *)out, "\"grand_total\"") != NULL, "topsheet");

    free(table);
    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures ? 1 : 0;
}
