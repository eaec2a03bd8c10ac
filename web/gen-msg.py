#!/usr/bin/env python3
"""Writes Msg.java (the Qute message bundle interface) from the keys of messages/msg.properties."""
import pathlib
root = pathlib.Path(__file__).parent
keys = [l.split('=', 1)[0].strip() for l in (root / 'src/main/resources/messages/msg.properties').read_text().splitlines()
        if '=' in l and not l.lstrip().startswith('#')]
methods = '\n'.join(f'    @Message\n    String {k}();\n' for k in keys)
(root / 'src/main/java/id/go/imigrasi/mpaspor/web/Msg.java').write_text(f'''package id.go.imigrasi.mpaspor.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The website's texts: {{@code messages/msg.properties}} (Bahasa Indonesia, the default) and
 * {{@code messages/msg_en.properties}}; templates read them as {{@code {{msg:key}}}}. One method per key, written by
 * {{@code web/gen-msg.py}} from msg.properties (the build fails when a file and this interface disagree).
 */
@MessageBundle(value = "msg", locale = "id")
public interface Msg {{

{methods}}}
''')
