/*
 * Stand-in for linuxdeploy-x86_64.AppImage in Tauri's AppImage bundler, for machines that
 * cannot download linuxdeploy (it is only published on GitHub).
 *
 * The bundler runs `dd` over bytes 8..10 of this file (to erase an AppImage magic number), so
 * it must be an ELF binary, whose bytes 8..10 are padding; a shell script would lose its
 * shebang. It only runs the shell script next to it: "<this file>.sh" with the same arguments.
 * Built by scripts/package.sh; see docs/installers.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    char script[4096];
    ssize_t n = readlink("/proc/self/exe", script, sizeof script - 4);
    if (n < 0) {
        perror("linuxdeploy-shim: readlink /proc/self/exe");
        return 127;
    }
    memcpy(script + n, ".sh", 4);
    char **args = calloc((size_t)argc + 2, sizeof *args);
    if (args == NULL) return 127;
    args[0] = "bash";
    args[1] = script;
    for (int i = 1; i < argc; i++) args[i + 1] = argv[i];
    execv("/bin/bash", args);
    perror("linuxdeploy-shim: exec /bin/bash");
    return 127;
}
