#!/usr/bin/env python3
"""Writes Kantor.java (the Qute message bundle of /kantor and /admin) from the keys of messages/kantor.properties."""
import pathlib
root = pathlib.Path(__file__).parent
keys = [l.split('=', 1)[0].strip() for l in (root / 'src/main/resources/messages/kantor.properties').read_text().splitlines()
        if '=' in l and not l.lstrip().startswith('#')]
methods = '\n'.join(f'    @Message\n    String {k}();\n' for k in keys)
(root / 'src/main/java/id/go/imigrasi/mpaspor/web/Kantor.java').write_text(f'''package id.go.imigrasi.mpaspor.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the office desk ({{@code /kantor}}) and the admin console ({{@code /admin}}), a bundle of their own
 * beside the applicant site's {{@link Msg}}: {{@code messages/kantor.properties}} (Bahasa Indonesia, the default) and
 * {{@code messages/kantor_en.properties}}; templates read them as {{@code {{kantor:key}}}}. One method per key, written
 * by {{@code web/gen-kantor.py}} from kantor.properties.
 */
@MessageBundle(value = "kantor", locale = "id")
public interface Kantor {{

{methods}}}
''')
