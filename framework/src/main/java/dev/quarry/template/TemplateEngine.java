package dev.quarry.template;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;
import dev.quarry.project.MacroFile;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.StringTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * The FreeMarker set-up shared by every template of a project: the built-in macro library and the project's macro
 * files are included in front of every template, parsed templates are cached, and rendering is safe from many threads.
 */
public final class TemplateEngine {

    /** What every rendering of this engine read from outside its inputs, together. */
    private final RenderTrace everythingRead = new RenderTrace();

    /** Where the built-in cross-engine macro library lives on the classpath, and its template name. */
    static final String BUILTINS = "quarry/builtins.ftl";

    /** The built-in generic data tests, included after the built-in macros and before the project's. */
    static final String TESTS = "quarry/tests.ftl";

    private final Configuration configuration;
    private final List<String> includes;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    /** Macro signatures by name, worked out once: every generic test of a project asks for its macro's. */
    private final Map<String, java.util.Optional<MacroSignature>> signatures = new ConcurrentHashMap<>();

    private TemplateEngine(Configuration configuration, List<String> includes) {
        this.configuration = configuration;
        this.includes = List.copyOf(includes);
    }

    /**
     * Sets up the engine. A macro file that does not parse is reported; the engine is still returned so that the
     * models' own errors can be found too.
     */
    public static TemplateEngine create(List<MacroFile> macros, Diagnostics diagnostics) {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setNumberFormat("c");
        configuration.setBooleanFormat("c");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setLocalizedLookup(false);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        StringTemplateLoader projectMacros = new StringTemplateLoader();
        macros.forEach(macro -> projectMacros.putTemplate(macro.path(), macro.text()));
        configuration.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
                new ClassTemplateLoader(TemplateEngine.class, "/dev/quarry/template"), projectMacros}));
        List<String> includes = new ArrayList<>(List.of(BUILTINS, TESTS));
        for (MacroFile macro : macros) {
            if (parses(configuration, macro, diagnostics)) {
                includes.add(macro.path());
            }
        }
        configuration.setAutoIncludes(includes);
        return new TemplateEngine(configuration, includes);
    }

    private static boolean parses(Configuration configuration, MacroFile macro, Diagnostics diagnostics) {
        try {
            configuration.getTemplate(macro.path());
            return true;
        } catch (ParseException syntax) {
            diagnostics.add(TemplateErrors.fromParse(syntax, macro.path()));
        } catch (IOException unreadable) {
            diagnostics.error(SourceLocation.of(macro.path()), "cannot load the macro file: "
                    + unreadable.getMessage());
        }
        return false;
    }

    /**
     * The parameters of a macro the included files (built-ins, then the project's macros) define, as the last
     * definition of that name declares them; empty when none defines it.
     */
    public java.util.Optional<MacroSignature> macro(String name) {
        return signatures.computeIfAbsent(name, this::lastDefinition);
    }

    private java.util.Optional<MacroSignature> lastDefinition(String name) {
        MacroSignature found = null;
        for (String include : includes) {
            try {
                Object macro = configuration.getTemplate(include).getMacros().get(name);
                if (macro instanceof freemarker.core.Macro defined && !defined.isFunction()) {
                    found = new MacroSignature(List.of(defined.getArgumentNames()), defined.getCatchAll() != null);
                }
            } catch (IOException unreadable) {
                throw new IllegalStateException("an included template could not be read again: " + include,
                        unreadable);
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    /** The names of every macro the included files define. */
    public java.util.Set<String> macroNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String include : includes) {
            try {
                for (Object name : configuration.getTemplate(include).getMacros().keySet()) {
                    names.add(String.valueOf(name));
                }
            } catch (IOException unreadable) {
                throw new IllegalStateException("an included template could not be read again: " + include,
                        unreadable);
            }
        }
        return names;
    }

    /**
     * Renders a template.
     *
     * @param path the project-relative file the text comes from: errors point at it, and it keys the parsed-template
     *             cache (so a path must always come with the same text)
     */
    public Rendered render(String path, String text, RenderContext context, RenderEnvironment environment)
            throws TemplateFailure {
        return render(path, text, context, environment, Map.of());
    }

    /**
     * Renders a template with more variables than every template sees: many renderings can then share one parsed
     * template, written with those variables in place of what differs between them.
     *
     * @param variables names that must not be those of the template API
     */
    public Rendered render(String path, String text, RenderContext context, RenderEnvironment environment,
            Map<String, ?> variables) throws TemplateFailure {
        Template template = parse(path, text);
        RenderTrace trace = new RenderTrace();
        StringWriter output = new StringWriter(text.length() + 256);
        try {
            freemarker.template.SimpleHash model = TemplateApi.dataModel(context, environment, trace,
                    configuration.getObjectWrapper());
            variables.forEach(model::put);
            template.process(model, output);
        } catch (TemplateException failure) {
            Diagnostic inTemplate = TemplateErrors.withoutCallSite(failure, path);
            throw new TemplateFailure(TemplateErrors.withCallSite(inTemplate, failure, path), inTemplate, failure);
        } catch (IOException impossible) {
            throw new IllegalStateException("writing to a string failed", impossible);
        }
        everythingRead.add(trace);
        return new Rendered(output.toString(), trace);
    }

    /**
     * What the templates this engine rendered so far read from outside their inputs, together: environment
     * variables, source tables' files, per-invocation values.
     */
    public RenderTrace everythingRead() {
        RenderTrace copy = new RenderTrace();
        copy.add(everythingRead);
        return copy;
    }

    private Template parse(String path, String text) throws TemplateFailure {
        Template cached = templates.get(path);
        if (cached != null) {
            return cached;
        }
        try {
            Template template = new Template(path, path, new StringReader(text), configuration);
            templates.put(path, template);
            return template;
        } catch (ParseException syntax) {
            throw new TemplateFailure(TemplateErrors.fromParse(syntax, path), syntax);
        } catch (IOException impossible) {
            throw new IllegalStateException("reading a string failed", impossible);
        }
    }

    /** Checks that a template parses, without rendering it. */
    public Diagnostic check(String path, String text) {
        try {
            parse(path, text);
            return null;
        } catch (TemplateFailure failure) {
            return failure.diagnostic();
        }
    }
}
