"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// node_modules/luaparse/luaparse.js
var require_luaparse = __commonJS({
  "node_modules/luaparse/luaparse.js"(exports2, module2) {
    (function(root, name, factory) {
      "use strict";
      var objectTypes = {
        "function": true,
        "object": true
      }, freeExports = objectTypes[typeof exports2] && exports2 && !exports2.nodeType && exports2, freeModule = objectTypes[typeof module2] && module2 && !module2.nodeType && module2, freeGlobal = freeExports && freeModule && typeof global === "object" && global, moduleExports = freeModule && freeModule.exports === freeExports && freeExports;
      if (freeGlobal && (freeGlobal.global === freeGlobal || /* istanbul ignore next */
      freeGlobal.window === freeGlobal || /* istanbul ignore next */
      freeGlobal.self === freeGlobal)) {
        root = freeGlobal;
      }
      if (typeof define === "function" && /* istanbul ignore next */
      typeof define.amd === "object" && /* istanbul ignore next */
      define.amd) {
        define(["exports"], factory);
        if (freeExports && moduleExports) factory(freeModule.exports);
      } else if (freeExports && freeModule) {
        if (moduleExports) factory(freeModule.exports);
        else factory(freeExports);
      } else {
        factory(root[name] = {});
      }
    })(exports2, "luaparse", function(exports3) {
      "use strict";
      exports3.version = "0.3.1";
      var input, options, length, features, encodingMode;
      var defaultOptions = exports3.defaultOptions = {
        // Explicitly tell the parser when the input ends.
        wait: false,
        comments: true,
        scope: false,
        locations: false,
        ranges: false,
        onCreateNode: null,
        onCreateScope: null,
        onDestroyScope: null,
        onLocalDeclaration: null,
        luaVersion: "5.1",
        luajitLua52Compat: false,
        encodingMode: "none"
      };
      function encodeUTF8(codepoint, highMask) {
        highMask = highMask || 0;
        if (codepoint < 128) {
          return String.fromCharCode(codepoint);
        } else if (codepoint < 2048) {
          return String.fromCharCode(
            highMask | 192 | codepoint >> 6,
            highMask | 128 | codepoint & 63
          );
        } else if (codepoint < 65536) {
          return String.fromCharCode(
            highMask | 224 | codepoint >> 12,
            highMask | 128 | codepoint >> 6 & 63,
            highMask | 128 | codepoint & 63
          );
        } else if (codepoint < 1114112) {
          return String.fromCharCode(
            highMask | 240 | codepoint >> 18,
            highMask | 128 | codepoint >> 12 & 63,
            highMask | 128 | codepoint >> 6 & 63,
            highMask | 128 | codepoint & 63
          );
        } else {
          return null;
        }
      }
      function toHex(num, digits) {
        var result = num.toString(16);
        while (result.length < digits)
          result = "0" + result;
        return result;
      }
      function checkChars(rx) {
        return function(s) {
          var m = rx.exec(s);
          if (!m)
            return s;
          raise(null, errors.invalidCodeUnit, toHex(m[0].charCodeAt(0), 4).toUpperCase());
        };
      }
      var encodingModes = {
        // `pseudo-latin1` encoding mode: assume the input was decoded with the latin1 encoding
        // WARNING: latin1 does **NOT** mean cp1252 here like in the bone-headed WHATWG standard;
        // it means true ISO/IEC 8859-1 identity-mapped to Basic Latin and Latin-1 Supplement blocks
        "pseudo-latin1": {
          fixup: checkChars(/[^\x00-\xff]/),
          encodeByte: function(value) {
            if (value === null)
              return "";
            return String.fromCharCode(value);
          },
          encodeUTF8: function(codepoint) {
            return encodeUTF8(codepoint);
          }
        },
        // `x-user-defined` encoding mode: assume the input was decoded with the WHATWG `x-user-defined` encoding
        "x-user-defined": {
          fixup: checkChars(/[^\x00-\x7f\uf780-\uf7ff]/),
          encodeByte: function(value) {
            if (value === null)
              return "";
            if (value >= 128)
              return String.fromCharCode(value | 63232);
            return String.fromCharCode(value);
          },
          encodeUTF8: function(codepoint) {
            return encodeUTF8(codepoint, 63232);
          }
        },
        // `none` encoding mode: disregard intrepretation of string literals, leave identifiers as-is
        "none": {
          discardStrings: true,
          fixup: function(s) {
            return s;
          },
          encodeByte: function(value) {
            return "";
          },
          encodeUTF8: function(codepoint) {
            return "";
          }
        }
      };
      var EOF = 1, StringLiteral = 2, Keyword = 4, Identifier = 8, NumericLiteral = 16, Punctuator = 32, BooleanLiteral = 64, NilLiteral = 128, VarargLiteral = 256;
      exports3.tokenTypes = {
        EOF,
        StringLiteral,
        Keyword,
        Identifier,
        NumericLiteral,
        Punctuator,
        BooleanLiteral,
        NilLiteral,
        VarargLiteral
      };
      var errors = exports3.errors = {
        unexpected: "unexpected %1 '%2' near '%3'",
        unexpectedEOF: "unexpected symbol near '<eof>'",
        expected: "'%1' expected near '%2'",
        expectedToken: "%1 expected near '%2'",
        unfinishedString: "unfinished string near '%1'",
        malformedNumber: "malformed number near '%1'",
        decimalEscapeTooLarge: "decimal escape too large near '%1'",
        invalidEscape: "invalid escape sequence near '%1'",
        hexadecimalDigitExpected: "hexadecimal digit expected near '%1'",
        braceExpected: "missing '%1' near '%2'",
        tooLargeCodepoint: "UTF-8 value too large near '%1'",
        unfinishedLongString: "unfinished long string (starting at line %1) near '%2'",
        unfinishedLongComment: "unfinished long comment (starting at line %1) near '%2'",
        ambiguousSyntax: "ambiguous syntax (function call x new statement) near '%1'",
        noLoopToBreak: "no loop to break near '%1'",
        labelAlreadyDefined: "label '%1' already defined on line %2",
        labelNotVisible: "no visible label '%1' for <goto>",
        gotoJumpInLocalScope: "<goto %1> jumps into the scope of local '%2'",
        cannotUseVararg: "cannot use '...' outside a vararg function near '%1'",
        invalidCodeUnit: "code unit U+%1 is not allowed in the current encoding mode"
      };
      var ast = exports3.ast = {
        labelStatement: function(label) {
          return {
            type: "LabelStatement",
            label
          };
        },
        breakStatement: function() {
          return {
            type: "BreakStatement"
          };
        },
        gotoStatement: function(label) {
          return {
            type: "GotoStatement",
            label
          };
        },
        returnStatement: function(args) {
          return {
            type: "ReturnStatement",
            "arguments": args
          };
        },
        ifStatement: function(clauses) {
          return {
            type: "IfStatement",
            clauses
          };
        },
        ifClause: function(condition, body) {
          return {
            type: "IfClause",
            condition,
            body
          };
        },
        elseifClause: function(condition, body) {
          return {
            type: "ElseifClause",
            condition,
            body
          };
        },
        elseClause: function(body) {
          return {
            type: "ElseClause",
            body
          };
        },
        whileStatement: function(condition, body) {
          return {
            type: "WhileStatement",
            condition,
            body
          };
        },
        doStatement: function(body) {
          return {
            type: "DoStatement",
            body
          };
        },
        repeatStatement: function(condition, body) {
          return {
            type: "RepeatStatement",
            condition,
            body
          };
        },
        localStatement: function(variables, init) {
          return {
            type: "LocalStatement",
            variables,
            init
          };
        },
        assignmentStatement: function(variables, init) {
          return {
            type: "AssignmentStatement",
            variables,
            init
          };
        },
        callStatement: function(expression) {
          return {
            type: "CallStatement",
            expression
          };
        },
        functionStatement: function(identifier, parameters, isLocal, body) {
          return {
            type: "FunctionDeclaration",
            identifier,
            isLocal,
            parameters,
            body
          };
        },
        forNumericStatement: function(variable, start2, end2, step, body) {
          return {
            type: "ForNumericStatement",
            variable,
            start: start2,
            end: end2,
            step,
            body
          };
        },
        forGenericStatement: function(variables, iterators, body) {
          return {
            type: "ForGenericStatement",
            variables,
            iterators,
            body
          };
        },
        chunk: function(body) {
          return {
            type: "Chunk",
            body
          };
        },
        identifier: function(name) {
          return {
            type: "Identifier",
            name
          };
        },
        literal: function(type, value, raw) {
          type = type === StringLiteral ? "StringLiteral" : type === NumericLiteral ? "NumericLiteral" : type === BooleanLiteral ? "BooleanLiteral" : type === NilLiteral ? "NilLiteral" : "VarargLiteral";
          return {
            type,
            value,
            raw
          };
        },
        tableKey: function(key, value) {
          return {
            type: "TableKey",
            key,
            value
          };
        },
        tableKeyString: function(key, value) {
          return {
            type: "TableKeyString",
            key,
            value
          };
        },
        tableValue: function(value) {
          return {
            type: "TableValue",
            value
          };
        },
        tableConstructorExpression: function(fields) {
          return {
            type: "TableConstructorExpression",
            fields
          };
        },
        binaryExpression: function(operator, left, right) {
          var type = "and" === operator || "or" === operator ? "LogicalExpression" : "BinaryExpression";
          return {
            type,
            operator,
            left,
            right
          };
        },
        unaryExpression: function(operator, argument) {
          return {
            type: "UnaryExpression",
            operator,
            argument
          };
        },
        memberExpression: function(base, indexer, identifier) {
          return {
            type: "MemberExpression",
            indexer,
            identifier,
            base
          };
        },
        indexExpression: function(base, index2) {
          return {
            type: "IndexExpression",
            base,
            index: index2
          };
        },
        callExpression: function(base, args) {
          return {
            type: "CallExpression",
            base,
            "arguments": args
          };
        },
        tableCallExpression: function(base, args) {
          return {
            type: "TableCallExpression",
            base,
            "arguments": args
          };
        },
        stringCallExpression: function(base, argument) {
          return {
            type: "StringCallExpression",
            base,
            argument
          };
        },
        comment: function(value, raw) {
          return {
            type: "Comment",
            value,
            raw
          };
        }
      };
      function finishNode(node) {
        if (trackLocations) {
          var location = locations.pop();
          location.complete();
          location.bless(node);
        }
        if (options.onCreateNode) options.onCreateNode(node);
        return node;
      }
      var slice = Array.prototype.slice, toString = Object.prototype.toString;
      var indexOf = (
        /* istanbul ignore next */
        function(array, element) {
          for (var i = 0, length2 = array.length; i < length2; ++i) {
            if (array[i] === element) return i;
          }
          return -1;
        }
      );
      if (Array.prototype.indexOf)
        indexOf = function(array, element) {
          return array.indexOf(element);
        };
      function indexOfObject(array, property, element) {
        for (var i = 0, length2 = array.length; i < length2; ++i) {
          if (array[i][property] === element) return i;
        }
        return -1;
      }
      function sprintf(format) {
        var args = slice.call(arguments, 1);
        format = format.replace(/%(\d)/g, function(match, index2) {
          return "" + args[index2 - 1] || /* istanbul ignore next */
          "";
        });
        return format;
      }
      var assign2 = (
        /* istanbul ignore next */
        function(dest) {
          var args = slice.call(arguments, 1), src, prop;
          for (var i = 0, length2 = args.length; i < length2; ++i) {
            src = args[i];
            for (prop in src)
              if (Object.prototype.hasOwnProperty.call(src, prop)) {
                dest[prop] = src[prop];
              }
          }
          return dest;
        }
      );
      if (Object.assign)
        assign2 = Object.assign;
      exports3.SyntaxError = SyntaxError;
      function fixupError(e) {
        if (!Object.create)
          return e;
        return Object.create(e, {
          "line": { "writable": true, value: e.line },
          "index": { "writable": true, value: e.index },
          "column": { "writable": true, value: e.column }
        });
      }
      function raise(token2) {
        var message = sprintf.apply(null, slice.call(arguments, 1)), error, col;
        if (token2 === null || typeof token2.line === "undefined") {
          col = index - lineStart + 1;
          error = fixupError(new SyntaxError(sprintf("[%1:%2] %3", line, col, message)));
          error.index = index;
          error.line = line;
          error.column = col;
        } else {
          col = token2.range[0] - token2.lineStart;
          error = fixupError(new SyntaxError(sprintf("[%1:%2] %3", token2.line, col, message)));
          error.line = token2.line;
          error.index = token2.range[0];
          error.column = col;
        }
        throw error;
      }
      function tokenValue(token2) {
        var raw = input.slice(token2.range[0], token2.range[1]);
        if (raw)
          return raw;
        return token2.value;
      }
      function raiseUnexpectedToken(type, token2) {
        raise(token2, errors.expectedToken, type, tokenValue(token2));
      }
      function unexpected(found) {
        var near = tokenValue(lookahead);
        if ("undefined" !== typeof found.type) {
          var type;
          switch (found.type) {
            case StringLiteral:
              type = "string";
              break;
            case Keyword:
              type = "keyword";
              break;
            case Identifier:
              type = "identifier";
              break;
            case NumericLiteral:
              type = "number";
              break;
            case Punctuator:
              type = "symbol";
              break;
            case BooleanLiteral:
              type = "boolean";
              break;
            case NilLiteral:
              return raise(found, errors.unexpected, "symbol", "nil", near);
            case EOF:
              return raise(found, errors.unexpectedEOF);
          }
          return raise(found, errors.unexpected, type, tokenValue(found), near);
        }
        return raise(found, errors.unexpected, "symbol", found, near);
      }
      var index, token, previousToken, lookahead, comments, tokenStart, line, lineStart;
      exports3.lex = lex;
      function lex() {
        skipWhiteSpace();
        while (45 === input.charCodeAt(index) && 45 === input.charCodeAt(index + 1)) {
          scanComment();
          skipWhiteSpace();
        }
        if (index >= length) return {
          type: EOF,
          value: "<eof>",
          line,
          lineStart,
          range: [index, index]
        };
        var charCode = input.charCodeAt(index), next2 = input.charCodeAt(index + 1);
        tokenStart = index;
        if (isIdentifierStart(charCode)) return scanIdentifierOrKeyword();
        switch (charCode) {
          case 39:
          case 34:
            return scanStringLiteral();
          case 48:
          case 49:
          case 50:
          case 51:
          case 52:
          case 53:
          case 54:
          case 55:
          case 56:
          case 57:
            return scanNumericLiteral();
          case 46:
            if (isDecDigit(next2)) return scanNumericLiteral();
            if (46 === next2) {
              if (46 === input.charCodeAt(index + 2)) return scanVarargLiteral();
              return scanPunctuator("..");
            }
            return scanPunctuator(".");
          case 61:
            if (61 === next2) return scanPunctuator("==");
            return scanPunctuator("=");
          case 62:
            if (features.bitwiseOperators) {
              if (62 === next2) return scanPunctuator(">>");
            }
            if (61 === next2) return scanPunctuator(">=");
            return scanPunctuator(">");
          case 60:
            if (features.bitwiseOperators) {
              if (60 === next2) return scanPunctuator("<<");
            }
            if (61 === next2) return scanPunctuator("<=");
            return scanPunctuator("<");
          case 126:
            if (61 === next2) return scanPunctuator("~=");
            if (!features.bitwiseOperators)
              break;
            return scanPunctuator("~");
          case 58:
            if (features.labels) {
              if (58 === next2) return scanPunctuator("::");
            }
            return scanPunctuator(":");
          case 91:
            if (91 === next2 || 61 === next2) return scanLongStringLiteral();
            return scanPunctuator("[");
          case 47:
            if (features.integerDivision) {
              if (47 === next2) return scanPunctuator("//");
            }
            return scanPunctuator("/");
          case 38:
          case 124:
            if (!features.bitwiseOperators)
              break;
          /* fall through */
          case 42:
          case 94:
          case 37:
          case 44:
          case 123:
          case 125:
          case 93:
          case 40:
          case 41:
          case 59:
          case 35:
          case 45:
          case 43:
            return scanPunctuator(input.charAt(index));
        }
        return unexpected(input.charAt(index));
      }
      function consumeEOL() {
        var charCode = input.charCodeAt(index), peekCharCode = input.charCodeAt(index + 1);
        if (isLineTerminator(charCode)) {
          if (10 === charCode && 13 === peekCharCode) ++index;
          if (13 === charCode && 10 === peekCharCode) ++index;
          ++line;
          lineStart = ++index;
          return true;
        }
        return false;
      }
      function skipWhiteSpace() {
        while (index < length) {
          var charCode = input.charCodeAt(index);
          if (isWhiteSpace(charCode)) {
            ++index;
          } else if (!consumeEOL()) {
            break;
          }
        }
      }
      function scanIdentifierOrKeyword() {
        var value, type;
        while (isIdentifierPart(input.charCodeAt(++index))) ;
        value = encodingMode.fixup(input.slice(tokenStart, index));
        if (isKeyword(value)) {
          type = Keyword;
        } else if ("true" === value || "false" === value) {
          type = BooleanLiteral;
          value = "true" === value;
        } else if ("nil" === value) {
          type = NilLiteral;
          value = null;
        } else {
          type = Identifier;
        }
        return {
          type,
          value,
          line,
          lineStart,
          range: [tokenStart, index]
        };
      }
      function scanPunctuator(value) {
        index += value.length;
        return {
          type: Punctuator,
          value,
          line,
          lineStart,
          range: [tokenStart, index]
        };
      }
      function scanVarargLiteral() {
        index += 3;
        return {
          type: VarargLiteral,
          value: "...",
          line,
          lineStart,
          range: [tokenStart, index]
        };
      }
      function scanStringLiteral() {
        var delimiter = input.charCodeAt(index++), beginLine = line, beginLineStart = lineStart, stringStart = index, string = encodingMode.discardStrings ? null : "", charCode;
        for (; ; ) {
          charCode = input.charCodeAt(index++);
          if (delimiter === charCode) break;
          if (index > length || isLineTerminator(charCode)) {
            string += input.slice(stringStart, index - 1);
            raise(null, errors.unfinishedString, input.slice(tokenStart, index - 1));
          }
          if (92 === charCode) {
            if (!encodingMode.discardStrings) {
              var beforeEscape = input.slice(stringStart, index - 1);
              string += encodingMode.fixup(beforeEscape);
            }
            var escapeValue = readEscapeSequence();
            if (!encodingMode.discardStrings)
              string += escapeValue;
            stringStart = index;
          }
        }
        if (!encodingMode.discardStrings) {
          string += encodingMode.encodeByte(null);
          string += encodingMode.fixup(input.slice(stringStart, index - 1));
        }
        return {
          type: StringLiteral,
          value: string,
          line: beginLine,
          lineStart: beginLineStart,
          lastLine: line,
          lastLineStart: lineStart,
          range: [tokenStart, index]
        };
      }
      function scanLongStringLiteral() {
        var beginLine = line, beginLineStart = lineStart, string = readLongString(false);
        if (false === string) raise(token, errors.expected, "[", tokenValue(token));
        return {
          type: StringLiteral,
          value: encodingMode.discardStrings ? null : encodingMode.fixup(string),
          line: beginLine,
          lineStart: beginLineStart,
          lastLine: line,
          lastLineStart: lineStart,
          range: [tokenStart, index]
        };
      }
      function scanNumericLiteral() {
        var character = input.charAt(index), next2 = input.charAt(index + 1);
        var literal2 = "0" === character && "xX".indexOf(next2 || null) >= 0 ? readHexLiteral() : features.binaryLiterals && "0" === character && "bB".indexOf(next2 || null) >= 0 ? readBinLiteral() : readDecLiteral();
        var foundImaginaryUnit = readImaginaryUnitSuffix(), foundInt64Suffix = readInt64Suffix();
        if (foundInt64Suffix && (foundImaginaryUnit || literal2.hasFractionPart)) {
          raise(null, errors.malformedNumber, input.slice(tokenStart, index));
        }
        return {
          type: NumericLiteral,
          value: literal2.value,
          line,
          lineStart,
          range: [tokenStart, index]
        };
      }
      function readImaginaryUnitSuffix() {
        if (!features.imaginaryNumbers) return;
        if ("iI".indexOf(input.charAt(index) || null) >= 0) {
          ++index;
          return true;
        } else {
          return false;
        }
      }
      function readInt64Suffix() {
        if (!features.integerSuffixes) return;
        if ("uU".indexOf(input.charAt(index) || null) >= 0) {
          ++index;
          if ("lL".indexOf(input.charAt(index) || null) >= 0) {
            ++index;
            if ("lL".indexOf(input.charAt(index) || null) >= 0) {
              ++index;
              return "ULL";
            } else {
              raise(null, errors.malformedNumber, input.slice(tokenStart, index));
            }
          } else {
            raise(null, errors.malformedNumber, input.slice(tokenStart, index));
          }
        } else if ("lL".indexOf(input.charAt(index) || null) >= 0) {
          ++index;
          if ("lL".indexOf(input.charAt(index) || null) >= 0) {
            ++index;
            return "LL";
          } else {
            raise(null, errors.malformedNumber, input.slice(tokenStart, index));
          }
        }
      }
      function readHexLiteral() {
        var fraction = 0, binaryExponent = 1, binarySign = 1, digit, fractionStart, exponentStart, digitStart;
        digitStart = index += 2;
        if (!isHexDigit(input.charCodeAt(index)) && !("." === input.charAt(index) && isHexDigit(input.charCodeAt(index + 1))))
          raise(null, errors.malformedNumber, input.slice(tokenStart, index));
        while (isHexDigit(input.charCodeAt(index))) ++index;
        digit = digitStart === index ? 0 : parseInt(input.slice(digitStart, index), 16);
        var foundFraction = false;
        if ("." === input.charAt(index)) {
          foundFraction = true;
          fractionStart = ++index;
          while (isHexDigit(input.charCodeAt(index))) ++index;
          fraction = input.slice(fractionStart, index);
          fraction = fractionStart === index ? 0 : parseInt(fraction, 16) / Math.pow(16, index - fractionStart);
        }
        var foundBinaryExponent = false;
        if ("pP".indexOf(input.charAt(index) || null) >= 0) {
          foundBinaryExponent = true;
          ++index;
          if ("+-".indexOf(input.charAt(index) || null) >= 0)
            binarySign = "+" === input.charAt(index++) ? 1 : -1;
          exponentStart = index;
          if (!isDecDigit(input.charCodeAt(index)))
            raise(null, errors.malformedNumber, input.slice(tokenStart, index));
          while (isDecDigit(input.charCodeAt(index))) ++index;
          binaryExponent = input.slice(exponentStart, index);
          binaryExponent = Math.pow(2, binaryExponent * binarySign);
        }
        return {
          value: (digit + fraction) * binaryExponent,
          hasFractionPart: foundFraction || foundBinaryExponent
        };
      }
      function readBinLiteral() {
        var digitStart = index += 2;
        while ("01".indexOf(input.charAt(index) || null) >= 0) ++index;
        var digits = input.slice(digitStart, index);
        if (!digits || isDecDigit(input.charCodeAt(index)) || "." === input.charAt(index) || digits.replace(/^0+/, "").length > 64)
          raise(null, errors.malformedNumber, input.slice(tokenStart, index + 1));
        return {
          value: parseInt(digits, 2),
          hasFractionPart: false
        };
      }
      function readDecLiteral() {
        while (isDecDigit(input.charCodeAt(index))) ++index;
        var foundFraction = false;
        if ("." === input.charAt(index)) {
          foundFraction = true;
          ++index;
          while (isDecDigit(input.charCodeAt(index))) ++index;
        }
        var foundExponent = false;
        if ("eE".indexOf(input.charAt(index) || null) >= 0) {
          foundExponent = true;
          ++index;
          if ("+-".indexOf(input.charAt(index) || null) >= 0) ++index;
          if (!isDecDigit(input.charCodeAt(index)))
            raise(null, errors.malformedNumber, input.slice(tokenStart, index));
          while (isDecDigit(input.charCodeAt(index))) ++index;
        }
        return {
          value: parseFloat(input.slice(tokenStart, index)),
          hasFractionPart: foundFraction || foundExponent
        };
      }
      function readUnicodeEscapeSequence() {
        var sequenceStart = index++;
        if (input.charAt(index++) !== "{")
          raise(null, errors.braceExpected, "{", "\\" + input.slice(sequenceStart, index));
        if (!isHexDigit(input.charCodeAt(index)))
          raise(null, errors.hexadecimalDigitExpected, "\\" + input.slice(sequenceStart, index));
        while (input.charCodeAt(index) === 48) ++index;
        var escStart = index;
        while (isHexDigit(input.charCodeAt(index))) {
          ++index;
          if (index - escStart > 6)
            raise(null, errors.tooLargeCodepoint, "\\" + input.slice(sequenceStart, index));
        }
        var b = input.charAt(index++);
        if (b !== "}") {
          if (b === '"' || b === "'")
            raise(null, errors.braceExpected, "}", "\\" + input.slice(sequenceStart, index--));
          else
            raise(null, errors.hexadecimalDigitExpected, "\\" + input.slice(sequenceStart, index));
        }
        var codepoint = parseInt(input.slice(escStart, index - 1) || "0", 16);
        var frag = "\\" + input.slice(sequenceStart, index);
        if (codepoint > 1114111) {
          raise(null, errors.tooLargeCodepoint, frag);
        }
        return encodingMode.encodeUTF8(codepoint, frag);
      }
      function readEscapeSequence() {
        var sequenceStart = index;
        switch (input.charAt(index)) {
          // Lua allow the following escape sequences.
          case "a":
            ++index;
            return "\x07";
          case "n":
            ++index;
            return "\n";
          case "r":
            ++index;
            return "\r";
          case "t":
            ++index;
            return "	";
          case "v":
            ++index;
            return "\v";
          case "b":
            ++index;
            return "\b";
          case "f":
            ++index;
            return "\f";
          // Backslash at the end of the line. We treat all line endings as equivalent,
          // and as representing the [LF] character (code 10). Lua 5.1 through 5.3
          // have been verified to behave the same way.
          case "\r":
          case "\n":
            consumeEOL();
            return "\n";
          case "0":
          case "1":
          case "2":
          case "3":
          case "4":
          case "5":
          case "6":
          case "7":
          case "8":
          case "9":
            while (isDecDigit(input.charCodeAt(index)) && index - sequenceStart < 3) ++index;
            var frag = input.slice(sequenceStart, index);
            var ddd = parseInt(frag, 10);
            if (ddd > 255) {
              raise(null, errors.decimalEscapeTooLarge, "\\" + ddd);
            }
            return encodingMode.encodeByte(ddd, "\\" + frag);
          case "z":
            if (features.skipWhitespaceEscape) {
              ++index;
              skipWhiteSpace();
              return "";
            }
            break;
          case "x":
            if (features.hexEscapes) {
              if (isHexDigit(input.charCodeAt(index + 1)) && isHexDigit(input.charCodeAt(index + 2))) {
                index += 3;
                return encodingMode.encodeByte(parseInt(input.slice(sequenceStart + 1, index), 16), "\\" + input.slice(sequenceStart, index));
              }
              raise(null, errors.hexadecimalDigitExpected, "\\" + input.slice(sequenceStart, index + 2));
            }
            break;
          case "u":
            if (features.unicodeEscapes)
              return readUnicodeEscapeSequence();
            break;
          case "\\":
          case '"':
          case "'":
            return input.charAt(index++);
        }
        if (features.strictEscapes)
          raise(null, errors.invalidEscape, "\\" + input.slice(sequenceStart, index + 1));
        return input.charAt(index++);
      }
      function scanComment() {
        tokenStart = index;
        index += 2;
        var character = input.charAt(index), content = "", isLong = false, commentStart = index, lineStartComment = lineStart, lineComment = line;
        if ("[" === character) {
          content = readLongString(true);
          if (false === content) content = character;
          else isLong = true;
        }
        if (!isLong) {
          while (index < length) {
            if (isLineTerminator(input.charCodeAt(index))) break;
            ++index;
          }
          if (options.comments) content = input.slice(commentStart, index);
        }
        if (options.comments) {
          var node = ast.comment(content, input.slice(tokenStart, index));
          if (options.locations) {
            node.loc = {
              start: { line: lineComment, column: tokenStart - lineStartComment },
              end: { line, column: index - lineStart }
            };
          }
          if (options.ranges) {
            node.range = [tokenStart, index];
          }
          if (options.onCreateNode) options.onCreateNode(node);
          comments.push(node);
        }
      }
      function readLongString(isComment) {
        var level = 0, content = "", terminator = false, character, stringStart, firstLine = line;
        ++index;
        while ("=" === input.charAt(index + level)) ++level;
        if ("[" !== input.charAt(index + level)) return false;
        index += level + 1;
        if (isLineTerminator(input.charCodeAt(index))) consumeEOL();
        stringStart = index;
        while (index < length) {
          while (isLineTerminator(input.charCodeAt(index))) consumeEOL();
          character = input.charAt(index++);
          if ("]" === character) {
            terminator = true;
            for (var i = 0; i < level; ++i) {
              if ("=" !== input.charAt(index + i)) terminator = false;
            }
            if ("]" !== input.charAt(index + level)) terminator = false;
          }
          if (terminator) {
            content += input.slice(stringStart, index - 1);
            index += level + 1;
            return content;
          }
        }
        raise(
          null,
          isComment ? errors.unfinishedLongComment : errors.unfinishedLongString,
          firstLine,
          "<eof>"
        );
      }
      function next() {
        previousToken = token;
        token = lookahead;
        lookahead = lex();
      }
      function consume(value) {
        if (value === token.value) {
          next();
          return true;
        }
        return false;
      }
      function expect(value) {
        if (value === token.value) next();
        else raise(token, errors.expected, value, tokenValue(token));
      }
      function isWhiteSpace(charCode) {
        return 9 === charCode || 32 === charCode || 11 === charCode || 12 === charCode;
      }
      function isLineTerminator(charCode) {
        return 10 === charCode || 13 === charCode;
      }
      function isDecDigit(charCode) {
        return charCode >= 48 && charCode <= 57;
      }
      function isHexDigit(charCode) {
        return charCode >= 48 && charCode <= 57 || charCode >= 97 && charCode <= 102 || charCode >= 65 && charCode <= 70;
      }
      function isIdentifierStart(charCode) {
        if (charCode >= 65 && charCode <= 90 || charCode >= 97 && charCode <= 122 || 95 === charCode)
          return true;
        if (features.extendedIdentifiers && charCode >= 128)
          return true;
        return false;
      }
      function isIdentifierPart(charCode) {
        if (charCode >= 65 && charCode <= 90 || charCode >= 97 && charCode <= 122 || 95 === charCode || charCode >= 48 && charCode <= 57)
          return true;
        if (features.extendedIdentifiers && charCode >= 128)
          return true;
        return false;
      }
      function isKeyword(id) {
        switch (id.length) {
          case 2:
            return "do" === id || "if" === id || "in" === id || "or" === id;
          case 3:
            return "and" === id || "end" === id || "for" === id || "not" === id;
          case 4:
            if ("else" === id || "then" === id)
              return true;
            if (features.labels && !features.contextualGoto)
              return "goto" === id;
            return false;
          case 5:
            return "break" === id || "local" === id || "until" === id || "while" === id;
          case 6:
            return "elseif" === id || "repeat" === id || "return" === id;
          case 8:
            return "function" === id;
        }
        return false;
      }
      function isUnary(token2) {
        if (Punctuator === token2.type) return "#-~".indexOf(token2.value) >= 0;
        if (Keyword === token2.type) return "not" === token2.value;
        return false;
      }
      function isBlockFollow(token2) {
        if (EOF === token2.type) return true;
        if (Keyword !== token2.type) return false;
        switch (token2.value) {
          case "else":
          case "elseif":
          case "end":
          case "until":
            return true;
          default:
            return false;
        }
      }
      var scopes, scopeDepth, globals;
      function createScope() {
        var scope = scopes[scopeDepth++].slice();
        scopes.push(scope);
        if (options.onCreateScope) options.onCreateScope();
      }
      function destroyScope() {
        var scope = scopes.pop();
        --scopeDepth;
        if (options.onDestroyScope) options.onDestroyScope();
      }
      function scopeIdentifierName(name) {
        if (options.onLocalDeclaration) options.onLocalDeclaration(name);
        if (-1 !== indexOf(scopes[scopeDepth], name)) return;
        scopes[scopeDepth].push(name);
      }
      function scopeIdentifier(node) {
        scopeIdentifierName(node.name);
        attachScope(node, true);
      }
      function attachScope(node, isLocal) {
        if (!isLocal && -1 === indexOfObject(globals, "name", node.name))
          globals.push(node);
        node.isLocal = isLocal;
      }
      function scopeHasName(name) {
        return -1 !== indexOf(scopes[scopeDepth], name);
      }
      var locations = [], trackLocations;
      function createLocationMarker() {
        return new Marker(token);
      }
      function Marker(token2) {
        if (options.locations) {
          this.loc = {
            start: {
              line: token2.line,
              column: token2.range[0] - token2.lineStart
            },
            end: {
              line: 0,
              column: 0
            }
          };
        }
        if (options.ranges) this.range = [token2.range[0], 0];
      }
      Marker.prototype.complete = function() {
        if (options.locations) {
          this.loc.end.line = previousToken.lastLine || previousToken.line;
          this.loc.end.column = previousToken.range[1] - (previousToken.lastLineStart || previousToken.lineStart);
        }
        if (options.ranges) {
          this.range[1] = previousToken.range[1];
        }
      };
      Marker.prototype.bless = function(node) {
        if (this.loc) {
          var loc2 = this.loc;
          node.loc = {
            start: {
              line: loc2.start.line,
              column: loc2.start.column
            },
            end: {
              line: loc2.end.line,
              column: loc2.end.column
            }
          };
        }
        if (this.range) {
          node.range = [
            this.range[0],
            this.range[1]
          ];
        }
      };
      function markLocation() {
        if (trackLocations) locations.push(createLocationMarker());
      }
      function pushLocation(marker) {
        if (trackLocations) locations.push(marker);
      }
      function FullFlowContext() {
        this.scopes = [];
        this.pendingGotos = [];
      }
      FullFlowContext.prototype.isInLoop = function() {
        var i = this.scopes.length;
        while (i-- > 0) {
          if (this.scopes[i].isLoop)
            return true;
        }
        return false;
      };
      FullFlowContext.prototype.pushScope = function(isLoop) {
        var scope = {
          labels: {},
          locals: [],
          deferredGotos: [],
          isLoop: !!isLoop
        };
        this.scopes.push(scope);
      };
      FullFlowContext.prototype.popScope = function() {
        for (var i = 0; i < this.pendingGotos.length; ++i) {
          var theGoto = this.pendingGotos[i];
          if (theGoto.maxDepth >= this.scopes.length) {
            if (--theGoto.maxDepth <= 0)
              raise(theGoto.token, errors.labelNotVisible, theGoto.target);
          }
        }
        this.scopes.pop();
      };
      FullFlowContext.prototype.addGoto = function(target, token2) {
        var localCounts = [];
        for (var i = 0; i < this.scopes.length; ++i) {
          var scope = this.scopes[i];
          localCounts.push(scope.locals.length);
          if (Object.prototype.hasOwnProperty.call(scope.labels, target))
            return;
        }
        this.pendingGotos.push({
          maxDepth: this.scopes.length,
          target,
          token: token2,
          localCounts
        });
      };
      FullFlowContext.prototype.addLabel = function(name, token2) {
        var scope = this.currentScope();
        if (Object.prototype.hasOwnProperty.call(scope.labels, name)) {
          raise(token2, errors.labelAlreadyDefined, name, scope.labels[name].line);
        } else {
          var newGotos = [];
          for (var i = 0; i < this.pendingGotos.length; ++i) {
            var theGoto = this.pendingGotos[i];
            if (theGoto.maxDepth >= this.scopes.length && theGoto.target === name) {
              if (theGoto.localCounts[this.scopes.length - 1] < scope.locals.length) {
                scope.deferredGotos.push(theGoto);
              }
              continue;
            }
            newGotos.push(theGoto);
          }
          this.pendingGotos = newGotos;
        }
        scope.labels[name] = {
          localCount: scope.locals.length,
          line: token2.line
        };
      };
      FullFlowContext.prototype.addLocal = function(name, token2) {
        this.currentScope().locals.push({
          name,
          token: token2
        });
      };
      FullFlowContext.prototype.currentScope = function() {
        return this.scopes[this.scopes.length - 1];
      };
      FullFlowContext.prototype.raiseDeferredErrors = function() {
        var scope = this.currentScope();
        var bads = scope.deferredGotos;
        for (var i = 0; i < bads.length; ++i) {
          var theGoto = bads[i];
          raise(theGoto.token, errors.gotoJumpInLocalScope, theGoto.target, scope.locals[theGoto.localCounts[this.scopes.length - 1]].name);
        }
      };
      function LoopFlowContext() {
        this.level = 0;
        this.loopLevels = [];
      }
      LoopFlowContext.prototype.isInLoop = function() {
        return !!this.loopLevels.length;
      };
      LoopFlowContext.prototype.pushScope = function(isLoop) {
        ++this.level;
        if (isLoop)
          this.loopLevels.push(this.level);
      };
      LoopFlowContext.prototype.popScope = function() {
        var levels = this.loopLevels;
        var levlen = levels.length;
        if (levlen) {
          if (levels[levlen - 1] === this.level)
            levels.pop();
        }
        --this.level;
      };
      LoopFlowContext.prototype.addGoto = LoopFlowContext.prototype.addLabel = /* istanbul ignore next */
      function() {
        throw new Error("This should never happen");
      };
      LoopFlowContext.prototype.addLocal = LoopFlowContext.prototype.raiseDeferredErrors = function() {
      };
      function makeFlowContext() {
        return features.labels ? new FullFlowContext() : new LoopFlowContext();
      }
      function parseChunk2() {
        next();
        markLocation();
        if (options.scope) createScope();
        var flowContext = makeFlowContext();
        flowContext.allowVararg = true;
        flowContext.pushScope();
        var body = parseBlock(flowContext);
        flowContext.popScope();
        if (options.scope) destroyScope();
        if (EOF !== token.type) unexpected(token);
        if (trackLocations && !body.length) previousToken = token;
        return finishNode(ast.chunk(body));
      }
      function parseBlock(flowContext) {
        var block2 = [], statement2;
        while (!isBlockFollow(token)) {
          if ("return" === token.value || !features.relaxedBreak && "break" === token.value) {
            var lastIsBreak = "break" === token.value;
            block2.push(parseStatement(flowContext));
            if (lastIsBreak) consume(";");
            break;
          }
          statement2 = parseStatement(flowContext);
          consume(";");
          if (statement2) block2.push(statement2);
        }
        return block2;
      }
      function parseStatement(flowContext) {
        markLocation();
        if (Punctuator === token.type) {
          if (consume("::")) return parseLabelStatement(flowContext);
        }
        if (features.emptyStatement) {
          if (consume(";")) {
            if (trackLocations) locations.pop();
            return;
          }
        }
        flowContext.raiseDeferredErrors();
        if (Keyword === token.type) {
          switch (token.value) {
            case "local":
              next();
              return parseLocalStatement(flowContext);
            case "if":
              next();
              return parseIfStatement(flowContext);
            case "return":
              next();
              return parseReturnStatement(flowContext);
            case "function":
              next();
              var name = parseFunctionName();
              return parseFunctionDeclaration(name);
            case "while":
              next();
              return parseWhileStatement(flowContext);
            case "for":
              next();
              return parseForStatement(flowContext);
            case "repeat":
              next();
              return parseRepeatStatement(flowContext);
            case "break":
              next();
              if (!flowContext.isInLoop())
                raise(token, errors.noLoopToBreak, token.value);
              return parseBreakStatement();
            case "do":
              next();
              return parseDoStatement(flowContext);
            case "goto":
              next();
              return parseGotoStatement(flowContext);
          }
        }
        if (features.contextualGoto && token.type === Identifier && token.value === "goto" && lookahead.type === Identifier && lookahead.value !== "goto") {
          next();
          return parseGotoStatement(flowContext);
        }
        if (trackLocations) locations.pop();
        return parseAssignmentOrCallStatement(flowContext);
      }
      function parseLabelStatement(flowContext) {
        var nameToken = token, label = parseIdentifier();
        if (options.scope) {
          scopeIdentifierName("::" + nameToken.value + "::");
          attachScope(label, true);
        }
        expect("::");
        flowContext.addLabel(nameToken.value, nameToken);
        return finishNode(ast.labelStatement(label));
      }
      function parseBreakStatement() {
        return finishNode(ast.breakStatement());
      }
      function parseGotoStatement(flowContext) {
        var name = token.value, gotoToken = previousToken, label = parseIdentifier();
        flowContext.addGoto(name, gotoToken);
        return finishNode(ast.gotoStatement(label));
      }
      function parseDoStatement(flowContext) {
        if (options.scope) createScope();
        flowContext.pushScope();
        var body = parseBlock(flowContext);
        flowContext.popScope();
        if (options.scope) destroyScope();
        expect("end");
        return finishNode(ast.doStatement(body));
      }
      function parseWhileStatement(flowContext) {
        var condition = parseExpectedExpression(flowContext);
        expect("do");
        if (options.scope) createScope();
        flowContext.pushScope(true);
        var body = parseBlock(flowContext);
        flowContext.popScope();
        if (options.scope) destroyScope();
        expect("end");
        return finishNode(ast.whileStatement(condition, body));
      }
      function parseRepeatStatement(flowContext) {
        if (options.scope) createScope();
        flowContext.pushScope(true);
        var body = parseBlock(flowContext);
        expect("until");
        flowContext.raiseDeferredErrors();
        var condition = parseExpectedExpression(flowContext);
        flowContext.popScope();
        if (options.scope) destroyScope();
        return finishNode(ast.repeatStatement(condition, body));
      }
      function parseReturnStatement(flowContext) {
        var expressions = [];
        if ("end" !== token.value) {
          var expression = parseExpression(flowContext);
          if (null != expression) expressions.push(expression);
          while (consume(",")) {
            expression = parseExpectedExpression(flowContext);
            expressions.push(expression);
          }
          consume(";");
        }
        return finishNode(ast.returnStatement(expressions));
      }
      function parseIfStatement(flowContext) {
        var clauses = [], condition, body, marker;
        if (trackLocations) {
          marker = locations[locations.length - 1];
          locations.push(marker);
        }
        condition = parseExpectedExpression(flowContext);
        expect("then");
        if (options.scope) createScope();
        flowContext.pushScope();
        body = parseBlock(flowContext);
        flowContext.popScope();
        if (options.scope) destroyScope();
        clauses.push(finishNode(ast.ifClause(condition, body)));
        if (trackLocations) marker = createLocationMarker();
        while (consume("elseif")) {
          pushLocation(marker);
          condition = parseExpectedExpression(flowContext);
          expect("then");
          if (options.scope) createScope();
          flowContext.pushScope();
          body = parseBlock(flowContext);
          flowContext.popScope();
          if (options.scope) destroyScope();
          clauses.push(finishNode(ast.elseifClause(condition, body)));
          if (trackLocations) marker = createLocationMarker();
        }
        if (consume("else")) {
          if (trackLocations) {
            marker = new Marker(previousToken);
            locations.push(marker);
          }
          if (options.scope) createScope();
          flowContext.pushScope();
          body = parseBlock(flowContext);
          flowContext.popScope();
          if (options.scope) destroyScope();
          clauses.push(finishNode(ast.elseClause(body)));
        }
        expect("end");
        return finishNode(ast.ifStatement(clauses));
      }
      function parseForStatement(flowContext) {
        var variable = parseIdentifier(), body;
        if (options.scope) {
          createScope();
          scopeIdentifier(variable);
        }
        if (consume("=")) {
          var start2 = parseExpectedExpression(flowContext);
          expect(",");
          var end2 = parseExpectedExpression(flowContext);
          var step = consume(",") ? parseExpectedExpression(flowContext) : null;
          expect("do");
          flowContext.pushScope(true);
          body = parseBlock(flowContext);
          flowContext.popScope();
          expect("end");
          if (options.scope) destroyScope();
          return finishNode(ast.forNumericStatement(variable, start2, end2, step, body));
        } else {
          var variables = [variable];
          while (consume(",")) {
            variable = parseIdentifier();
            if (options.scope) scopeIdentifier(variable);
            variables.push(variable);
          }
          expect("in");
          var iterators = [];
          do {
            var expression = parseExpectedExpression(flowContext);
            iterators.push(expression);
          } while (consume(","));
          expect("do");
          flowContext.pushScope(true);
          body = parseBlock(flowContext);
          flowContext.popScope();
          expect("end");
          if (options.scope) destroyScope();
          return finishNode(ast.forGenericStatement(variables, iterators, body));
        }
      }
      function parseLocalStatement(flowContext) {
        var name, declToken = previousToken;
        if (Identifier === token.type) {
          var variables = [], init = [];
          do {
            name = parseIdentifier();
            variables.push(name);
            flowContext.addLocal(name.name, declToken);
          } while (consume(","));
          if (consume("=")) {
            do {
              var expression = parseExpectedExpression(flowContext);
              init.push(expression);
            } while (consume(","));
          }
          if (options.scope) {
            for (var i = 0, l = variables.length; i < l; ++i) {
              scopeIdentifier(variables[i]);
            }
          }
          return finishNode(ast.localStatement(variables, init));
        }
        if (consume("function")) {
          name = parseIdentifier();
          flowContext.addLocal(name.name, declToken);
          if (options.scope) {
            scopeIdentifier(name);
            createScope();
          }
          return parseFunctionDeclaration(name, true);
        } else {
          raiseUnexpectedToken("<name>", token);
        }
      }
      function parseAssignmentOrCallStatement(flowContext) {
        var previous = token, marker, startMarker;
        var lvalue, base, name;
        var targets = [];
        if (trackLocations) startMarker = createLocationMarker();
        do {
          if (trackLocations) marker = createLocationMarker();
          if (Identifier === token.type) {
            name = token.value;
            base = parseIdentifier();
            if (options.scope) attachScope(base, scopeHasName(name));
            lvalue = true;
          } else if ("(" === token.value) {
            next();
            base = parseExpectedExpression(flowContext);
            expect(")");
            lvalue = false;
          } else {
            return unexpected(token);
          }
          both: for (; ; ) {
            var newBase;
            switch (StringLiteral === token.type ? '"' : token.value) {
              case ".":
              case "[":
                lvalue = true;
                break;
              case ":":
              case "(":
              case "{":
              case '"':
                lvalue = null;
                break;
              default:
                break both;
            }
            base = parsePrefixExpressionPart(base, marker, flowContext);
          }
          targets.push(base);
          if ("," !== token.value)
            break;
          if (!lvalue) {
            return unexpected(token);
          }
          next();
        } while (true);
        if (targets.length === 1 && lvalue === null) {
          pushLocation(marker);
          return finishNode(ast.callStatement(targets[0]));
        } else if (!lvalue) {
          return unexpected(token);
        }
        expect("=");
        var values = [];
        do {
          values.push(parseExpectedExpression(flowContext));
        } while (consume(","));
        pushLocation(startMarker);
        return finishNode(ast.assignmentStatement(targets, values));
      }
      function parseIdentifier() {
        markLocation();
        var identifier = token.value;
        if (Identifier !== token.type) raiseUnexpectedToken("<name>", token);
        next();
        return finishNode(ast.identifier(identifier));
      }
      function parseFunctionDeclaration(name, isLocal) {
        var flowContext = makeFlowContext();
        flowContext.pushScope();
        var parameters = [];
        expect("(");
        if (!consume(")")) {
          while (true) {
            if (Identifier === token.type) {
              var parameter = parseIdentifier();
              if (options.scope) scopeIdentifier(parameter);
              parameters.push(parameter);
              if (consume(",")) continue;
            } else if (VarargLiteral === token.type) {
              flowContext.allowVararg = true;
              parameters.push(parsePrimaryExpression(flowContext));
            } else {
              raiseUnexpectedToken("<name> or '...'", token);
            }
            expect(")");
            break;
          }
        }
        var body = parseBlock(flowContext);
        flowContext.popScope();
        expect("end");
        if (options.scope) destroyScope();
        isLocal = isLocal || false;
        return finishNode(ast.functionStatement(name, parameters, isLocal, body));
      }
      function parseFunctionName() {
        var base, name, marker;
        if (trackLocations) marker = createLocationMarker();
        base = parseIdentifier();
        if (options.scope) {
          attachScope(base, scopeHasName(base.name));
          createScope();
        }
        while (consume(".")) {
          pushLocation(marker);
          name = parseIdentifier();
          base = finishNode(ast.memberExpression(base, ".", name));
        }
        if (consume(":")) {
          pushLocation(marker);
          name = parseIdentifier();
          base = finishNode(ast.memberExpression(base, ":", name));
          if (options.scope) scopeIdentifierName("self");
        }
        return base;
      }
      function parseTableConstructor(flowContext) {
        var fields = [], key, value;
        while (true) {
          markLocation();
          if (Punctuator === token.type && consume("[")) {
            key = parseExpectedExpression(flowContext);
            expect("]");
            expect("=");
            value = parseExpectedExpression(flowContext);
            fields.push(finishNode(ast.tableKey(key, value)));
          } else if (Identifier === token.type) {
            if ("=" === lookahead.value) {
              key = parseIdentifier();
              next();
              value = parseExpectedExpression(flowContext);
              fields.push(finishNode(ast.tableKeyString(key, value)));
            } else {
              value = parseExpectedExpression(flowContext);
              fields.push(finishNode(ast.tableValue(value)));
            }
          } else {
            if (null == (value = parseExpression(flowContext))) {
              locations.pop();
              break;
            }
            fields.push(finishNode(ast.tableValue(value)));
          }
          if (",;".indexOf(token.value) >= 0) {
            next();
            continue;
          }
          break;
        }
        expect("}");
        return finishNode(ast.tableConstructorExpression(fields));
      }
      function parseExpression(flowContext) {
        var expression = parseSubExpression(0, flowContext);
        return expression;
      }
      function parseExpectedExpression(flowContext) {
        var expression = parseExpression(flowContext);
        if (null == expression) raiseUnexpectedToken("<expression>", token);
        else return expression;
      }
      function binaryPrecedence(operator) {
        var charCode = operator.charCodeAt(0), length2 = operator.length;
        if (1 === length2) {
          switch (charCode) {
            case 94:
              return 12;
            // ^
            case 42:
            case 47:
            case 37:
              return 10;
            // * / %
            case 43:
            case 45:
              return 9;
            // + -
            case 38:
              return 6;
            // &
            case 126:
              return 5;
            // ~
            case 124:
              return 4;
            // |
            case 60:
            case 62:
              return 3;
          }
        } else if (2 === length2) {
          switch (charCode) {
            case 47:
              return 10;
            // //
            case 46:
              return 8;
            // ..
            case 60:
            case 62:
              if ("<<" === operator || ">>" === operator) return 7;
              return 3;
            // <= >=
            case 61:
            case 126:
              return 3;
            // == ~=
            case 111:
              return 1;
          }
        } else if (97 === charCode && "and" === operator) return 2;
        return 0;
      }
      function parseSubExpression(minPrecedence, flowContext) {
        var operator = token.value, expression, marker;
        if (trackLocations) marker = createLocationMarker();
        if (isUnary(token)) {
          markLocation();
          next();
          var argument = parseSubExpression(10, flowContext);
          if (argument == null) raiseUnexpectedToken("<expression>", token);
          expression = finishNode(ast.unaryExpression(operator, argument));
        }
        if (null == expression) {
          expression = parsePrimaryExpression(flowContext);
          if (null == expression) {
            expression = parsePrefixExpression(flowContext);
          }
        }
        if (null == expression) return null;
        var precedence;
        while (true) {
          operator = token.value;
          precedence = Punctuator === token.type || Keyword === token.type ? binaryPrecedence(operator) : 0;
          if (precedence === 0 || precedence <= minPrecedence) break;
          if ("^" === operator || ".." === operator) --precedence;
          next();
          var right = parseSubExpression(precedence, flowContext);
          if (null == right) raiseUnexpectedToken("<expression>", token);
          if (trackLocations) locations.push(marker);
          expression = finishNode(ast.binaryExpression(operator, expression, right));
        }
        return expression;
      }
      function parsePrefixExpressionPart(base, marker, flowContext) {
        var expression, identifier;
        if (Punctuator === token.type) {
          switch (token.value) {
            case "[":
              pushLocation(marker);
              next();
              expression = parseExpectedExpression(flowContext);
              expect("]");
              return finishNode(ast.indexExpression(base, expression));
            case ".":
              pushLocation(marker);
              next();
              identifier = parseIdentifier();
              return finishNode(ast.memberExpression(base, ".", identifier));
            case ":":
              pushLocation(marker);
              next();
              identifier = parseIdentifier();
              base = finishNode(ast.memberExpression(base, ":", identifier));
              pushLocation(marker);
              return parseCallExpression(base, flowContext);
            case "(":
            case "{":
              pushLocation(marker);
              return parseCallExpression(base, flowContext);
          }
        } else if (StringLiteral === token.type) {
          pushLocation(marker);
          return parseCallExpression(base, flowContext);
        }
        return null;
      }
      function parsePrefixExpression(flowContext) {
        var base, name, marker;
        if (trackLocations) marker = createLocationMarker();
        if (Identifier === token.type) {
          name = token.value;
          base = parseIdentifier();
          if (options.scope) attachScope(base, scopeHasName(name));
        } else if (consume("(")) {
          base = parseExpectedExpression(flowContext);
          expect(")");
        } else {
          return null;
        }
        for (; ; ) {
          var newBase = parsePrefixExpressionPart(base, marker, flowContext);
          if (newBase === null)
            break;
          base = newBase;
        }
        return base;
      }
      function parseCallExpression(base, flowContext) {
        if (Punctuator === token.type) {
          switch (token.value) {
            case "(":
              if (!features.emptyStatement) {
                if (token.line !== previousToken.line)
                  raise(token, errors.ambiguousSyntax, token.value);
              }
              next();
              var expressions = [];
              var expression = parseExpression(flowContext);
              if (null != expression) expressions.push(expression);
              while (consume(",")) {
                expression = parseExpectedExpression(flowContext);
                expressions.push(expression);
              }
              expect(")");
              return finishNode(ast.callExpression(base, expressions));
            case "{":
              markLocation();
              next();
              var table = parseTableConstructor(flowContext);
              return finishNode(ast.tableCallExpression(base, table));
          }
        } else if (StringLiteral === token.type) {
          return finishNode(ast.stringCallExpression(base, parsePrimaryExpression(flowContext)));
        }
        raiseUnexpectedToken("function arguments", token);
      }
      function parsePrimaryExpression(flowContext) {
        var literals = StringLiteral | NumericLiteral | BooleanLiteral | NilLiteral | VarargLiteral, value = token.value, type = token.type, marker;
        if (trackLocations) marker = createLocationMarker();
        if (type === VarargLiteral && !flowContext.allowVararg) {
          raise(token, errors.cannotUseVararg, token.value);
        }
        if (type & literals) {
          pushLocation(marker);
          var raw = input.slice(token.range[0], token.range[1]);
          next();
          return finishNode(ast.literal(type, value, raw));
        } else if (Keyword === type && "function" === value) {
          pushLocation(marker);
          next();
          if (options.scope) createScope();
          return parseFunctionDeclaration(null);
        } else if (consume("{")) {
          pushLocation(marker);
          return parseTableConstructor(flowContext);
        }
      }
      exports3.parse = parse;
      var versionFeatures = {
        "5.1": {},
        "5.2": {
          labels: true,
          emptyStatement: true,
          hexEscapes: true,
          skipWhitespaceEscape: true,
          strictEscapes: true,
          relaxedBreak: true
        },
        "5.3": {
          labels: true,
          emptyStatement: true,
          hexEscapes: true,
          skipWhitespaceEscape: true,
          strictEscapes: true,
          unicodeEscapes: true,
          bitwiseOperators: true,
          integerDivision: true,
          relaxedBreak: true
        },
        "LuaJIT": {
          // XXX: LuaJIT language features may depend on compilation options; may need to
          // rethink how to handle this. Specifically, there is a LUAJIT_ENABLE_LUA52COMPAT
          // that removes contextual goto. Maybe add 'LuaJIT-5.2compat' as well?
          labels: true,
          contextualGoto: true,
          hexEscapes: true,
          skipWhitespaceEscape: true,
          strictEscapes: true,
          unicodeEscapes: true,
          imaginaryNumbers: true,
          integerSuffixes: true,
          binaryLiterals: true
        }
      };
      function parse(_input, _options) {
        if ("undefined" === typeof _options && "object" === typeof _input) {
          _options = _input;
          _input = void 0;
        }
        if (!_options) _options = {};
        input = _input || "";
        options = assign2({}, defaultOptions, _options);
        index = 0;
        line = 1;
        lineStart = 0;
        length = input.length;
        scopes = [[]];
        scopeDepth = 0;
        globals = [];
        locations = [];
        if (!Object.prototype.hasOwnProperty.call(versionFeatures, options.luaVersion)) {
          throw new Error(sprintf("Lua version '%1' not supported", options.luaVersion));
        }
        features = assign2({}, versionFeatures[options.luaVersion]);
        if (options.extendedIdentifiers !== void 0)
          features.extendedIdentifiers = !!options.extendedIdentifiers;
        if ("LuaJIT" === options.luaVersion && options.luajitLua52Compat) {
          features.contextualGoto = false;
          features.emptyStatement = true;
          features.relaxedBreak = true;
        }
        if (!Object.prototype.hasOwnProperty.call(encodingModes, options.encodingMode)) {
          throw new Error(sprintf("Encoding mode '%1' not supported", options.encodingMode));
        }
        encodingMode = encodingModes[options.encodingMode];
        if (options.comments) comments = [];
        if (!options.wait) return end();
        return exports3;
      }
      exports3.write = write;
      function write(_input) {
        input += String(_input);
        length = input.length;
        return exports3;
      }
      exports3.end = end;
      function end(_input) {
        if ("undefined" !== typeof _input) write(_input);
        if (input && input.substr(0, 2) === "#!") input = input.replace(/^.*/, function(line2) {
          return line2.replace(/./g, " ");
        });
        length = input.length;
        trackLocations = options.locations || options.ranges;
        lookahead = lex();
        var chunk = parseChunk2();
        if (options.comments) chunk.comments = comments;
        if (options.scope) chunk.globals = globals;
        if (locations.length > 0)
          throw new Error("Location tracking failed. This is most likely a bug in luaparse");
        return chunk;
      }
    });
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports2) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;
    exports2.ALIAS = ALIAS;
    exports2.DOC = DOC;
    exports2.MAP = MAP;
    exports2.NODE_TYPE = NODE_TYPE;
    exports2.PAIR = PAIR;
    exports2.SCALAR = SCALAR;
    exports2.SEQ = SEQ;
    exports2.hasAnchor = hasAnchor;
    exports2.isAlias = isAlias2;
    exports2.isCollection = isCollection;
    exports2.isDocument = isDocument;
    exports2.isMap = isMap;
    exports2.isNode = isNode;
    exports2.isPair = isPair;
    exports2.isScalar = isScalar;
    exports2.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key, node, visitor, path22) {
      const ctrl = callVisitor(key, node, visitor, path22);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path22, ctrl);
        return visit_(key, ctrl, visitor, path22);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path22 = Object.freeze(path22.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path22);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path22 = Object.freeze(path22.concat(node));
          const ck = visit_("key", node.key, visitor, path22);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path22);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path22) {
      const ctrl = await callVisitor(key, node, visitor, path22);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path22, ctrl);
        return visitAsync_(key, ctrl, visitor, path22);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path22 = Object.freeze(path22.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path22);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path22 = Object.freeze(path22.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path22);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path22);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path22) {
      if (typeof visitor === "function")
        return visitor(key, node, path22);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path22);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path22);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path22);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path22);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path22);
      return void 0;
    }
    function replaceNode(key, path22, node) {
      const parent = path22[path22.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports2.visit = visit2;
    exports2.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports2.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports2.anchorIsValid = anchorIsValid;
    exports2.anchorNames = anchorNames;
    exports2.createNodeAnchors = createNodeAnchors;
    exports2.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports2) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports2.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports2) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports2.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports2) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports2.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports2) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports2.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports2.Scalar = Scalar;
    exports2.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports2.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path22, value) {
      let v = value;
      for (let i = path22.length - 1; i >= 0; --i) {
        const k = path22[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path22) => path22 == null || typeof path22 === "object" && !!path22[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path22, value) {
        if (isEmptyPath(path22))
          this.add(value);
        else {
          const [key, ...rest] = path22;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path22) {
        const [key, ...rest] = path22;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path22, keepScalar) {
        const [key, ...rest] = path22;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path22) {
        const [key, ...rest] = path22;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path22, value) {
        const [key, ...rest] = path22;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports2.Collection = Collection;
    exports2.collectionFromPath = collectionFromPath;
    exports2.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports2) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports2.indentComment = indentComment;
    exports2.lineComment = lineComment;
    exports2.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports2) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start2 = i + 1;
      let ch = text[start2];
      while (ch === " " || ch === "	") {
        if (i < start2 + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start2 = i + 1;
          ch = text[start2];
        }
      }
      return end;
    }
    exports2.FOLD_BLOCK = FOLD_BLOCK;
    exports2.FOLD_FLOW = FOLD_FLOW;
    exports2.FOLD_QUOTED = FOLD_QUOTED;
    exports2.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start2 = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start2 > limit)
            return true;
          start2 = i + 1;
          if (strLen - start2 <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start2 = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start2, i) + "\\ ";
          i += 1;
          start2 = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start2, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start2 = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start2, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start2 = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start2 ? str + json.slice(start2) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal2 = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal2 ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start2 = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start2) {
        value = value.substring(start2.length);
        start2 = start2.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal2) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start2}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start2}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports2.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports2) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports2.createStringifyContext = createStringifyContext;
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports2.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports2) {
    "use strict";
    var node_process = require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports2.debug = debug;
    exports2.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports2.addMergeToJSMap = addMergeToJSMap;
    exports2.isMergeKey = isMergeKey;
    exports2.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports2) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports2.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports2.Pair = Pair;
    exports2.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start: start2, end } = flowChars;
      if (lines.length === 0) {
        return start2 + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start2;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start2}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports2.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports2) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports2.YAMLMap = YAMLMap;
    exports2.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports2.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports2) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports2.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports2.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports2) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports2.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports2.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports2.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports2) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports2.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports2.float = float;
    exports2.floatExp = floatExp;
    exports2.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports2.int = int;
    exports2.intHex = intHex;
    exports2.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports2) {
    "use strict";
    var node_buffer = require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports2.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports2.createPairs = createPairs;
    exports2.pairs = pairs;
    exports2.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports2.YAMLOMap = YAMLOMap;
    exports2.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports2.falseTag = falseTag;
    exports2.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports2.float = float;
    exports2.floatExp = floatExp;
    exports2.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports2.int = int;
    exports2.intBin = intBin;
    exports2.intHex = intHex;
    exports2.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports2.YAMLSet = YAMLSet;
    exports2.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports2.floatTime = floatTime;
    exports2.intTime = intTime;
    exports2.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports2) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports2.coreKnownTags = coreKnownTags;
    exports2.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports2.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports2.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path22, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path22, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path22) {
        if (Collection.isEmptyPath(path22)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path22) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path22, keepScalar) {
        if (Collection.isEmptyPath(path22))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path22, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path22) {
        if (Collection.isEmptyPath(path22))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path22) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path22, value) {
        if (Collection.isEmptyPath(path22)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path22), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path22, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports2.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports2) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports2.YAMLError = YAMLError;
    exports2.YAMLParseError = YAMLParseError;
    exports2.YAMLWarning = YAMLWarning;
    exports2.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports2) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start2 = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start2 ?? (start2 = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start2 ?? (start2 = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start2 ?? end
      };
    }
    exports2.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports2) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports2.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports2) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports2.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports2) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports2.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports2) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start: start2, key, sep: sep2, value } = collItem;
        const keyProps = resolveProps.resolveProps(start2, {
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep2) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start2[start2.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start2, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep2 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep2, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports2.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports2) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start: start2, value } of bs.items) {
        const props = resolveProps.resolveProps(start2, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start2, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports2.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports2) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep2 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep2 + cb;
              sep2 = "";
              break;
            }
            case "newline":
              if (comment)
                sep2 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports2.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap = fc.start.source === "{";
      const fcName = isMap ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start: start2, key, sep: sep2, value } = collItem;
        const props = resolveProps.resolveProps(start2, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep2 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start2) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap && !sep2 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep2, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start2, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep2 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap && !props.found && ctx.options.strict) {
              if (sep2)
                for (const st of sep2) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports2.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports2.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start2 = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start2, start2, start2] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start2 + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start2, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep2 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep2 === " ")
            sep2 = "\n";
          else if (!prevMoreIndented && sep2 === "\n")
            sep2 = "\n\n";
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep2 === "\n")
            value += "\n";
          else
            sep2 = "\n";
        } else {
          value += sep2 + content;
          sep2 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start2 + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start2, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports2.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports2) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep2 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep2 === "\n")
            res += sep2;
          else
            sep2 = "\n";
        } else {
          res += sep2 + lm;
          sep2 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep2 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports2.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports2) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports2.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports2) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports2.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports2) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports2.composeEmptyNode = composeEmptyNode;
    exports2.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports2) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start: start2, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start2, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start2, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports2.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports2) {
    "use strict";
    var node_process = require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports2.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports2) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports2.createScalarToken = createScalarToken;
    exports2.resolveAsScalar = resolveAsScalar;
    exports2.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports2) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start: start2, key, sep: sep2, value }) {
      let res = "";
      for (const st of start2)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep2)
        for (const st of sep2)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports2) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path22) => {
      let item = cst;
      for (const [field, index] of path22) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path22) => {
      const parent = visit2.itemAtPath(cst, path22.slice(0, -1));
      const field = path22[path22.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path22, item, visitor) {
      let ctrl = visitor(item, path22);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path22.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path22);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path22) : ctrl;
    }
    exports2.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports2) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM2 = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM2:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM2:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports2.createScalarToken = cstScalar.createScalarToken;
    exports2.resolveAsScalar = cstScalar.resolveAsScalar;
    exports2.setScalarValue = cstScalar.setScalarValue;
    exports2.stringify = cstStringify.stringify;
    exports2.visit = cstVisit.visit;
    exports2.BOM = BOM2;
    exports2.DOCUMENT = DOCUMENT;
    exports2.FLOW_END = FLOW_END;
    exports2.SCALAR = SCALAR;
    exports2.isCollection = isCollection;
    exports2.isScalar = isScalar;
    exports2.prettyToken = prettyToken;
    exports2.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports2) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports2.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports2) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start2 = this.lineStarts[low - 1];
          return { line: low, col: offset - start2 + 1 };
        };
      }
    };
    exports2.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports2) {
    "use strict";
    var node_process = require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list2, type) {
      for (let i = 0; i < list2.length; ++i)
        if (list2[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list2) {
      for (let i = 0; i < list2.length; ++i) {
        switch (list2[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start2 = getFirstKeyStartProps(prev);
          let sep2;
          if (scalar.end) {
            sep2 = scalar.end;
            sep2.push(this.sourceToken);
            delete scalar.end;
          } else
            sep2 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start: start2, key: scalar, sep: sep2 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start2 = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start2 = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start2.push(this.sourceToken);
                map.items.push({ start: start2 });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start2.push(this.sourceToken);
                map.items.push({ start: start2, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start3 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start3, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start3 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep2 = it.sep;
                  sep2.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start3, key, sep: sep2 }]
                  });
                } else if (start2.length > 0) {
                  it.sep = it.sep.concat(start2, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start: start2, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs18 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start: start2, key: fs18, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs18);
              } else {
                Object.assign(it, { key: fs18, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start: start2 });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs18 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs18, sep: [] });
              else if (it.sep)
                this.stack.push(fs18);
              else
                Object.assign(it, { key: fs18, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start2 = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep2 = fc.end.splice(1, fc.end.length);
            sep2.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start: start2, key: fc, sep: sep2 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start2 = getFirstKeyStartProps(prev);
            start2.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: start2, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start2 = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: start2, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start2, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start2.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports2.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports2) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports2.parse = parse;
    exports2.parseAllDocuments = parseAllDocuments;
    exports2.parseDocument = parseDocument2;
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports2) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports2.Composer = composer.Composer;
    exports2.Document = Document.Document;
    exports2.Schema = Schema.Schema;
    exports2.YAMLError = errors.YAMLError;
    exports2.YAMLParseError = errors.YAMLParseError;
    exports2.YAMLWarning = errors.YAMLWarning;
    exports2.Alias = Alias.Alias;
    exports2.isAlias = identity.isAlias;
    exports2.isCollection = identity.isCollection;
    exports2.isDocument = identity.isDocument;
    exports2.isMap = identity.isMap;
    exports2.isNode = identity.isNode;
    exports2.isPair = identity.isPair;
    exports2.isScalar = identity.isScalar;
    exports2.isSeq = identity.isSeq;
    exports2.Pair = Pair.Pair;
    exports2.Scalar = Scalar.Scalar;
    exports2.YAMLMap = YAMLMap.YAMLMap;
    exports2.YAMLSeq = YAMLSeq.YAMLSeq;
    exports2.CST = cst;
    exports2.Lexer = lexer.Lexer;
    exports2.LineCounter = lineCounter.LineCounter;
    exports2.Parser = parser.Parser;
    exports2.parse = publicApi.parse;
    exports2.parseAllDocuments = publicApi.parseAllDocuments;
    exports2.parseDocument = publicApi.parseDocument;
    exports2.stringify = publicApi.stringify;
    exports2.visit = visit2.visit;
    exports2.visitAsync = visit2.visitAsync;
  }
});

// node_modules/universalify/index.js
var require_universalify = __commonJS({
  "node_modules/universalify/index.js"(exports2) {
    "use strict";
    exports2.fromCallback = function(fn) {
      return Object.defineProperty(function(...args) {
        if (typeof args[args.length - 1] === "function") fn.apply(this, args);
        else {
          return new Promise((resolve2, reject) => {
            args.push((err, res) => err != null ? reject(err) : resolve2(res));
            fn.apply(this, args);
          });
        }
      }, "name", { value: fn.name });
    };
    exports2.fromPromise = function(fn) {
      return Object.defineProperty(function(...args) {
        const cb = args[args.length - 1];
        if (typeof cb !== "function") return fn.apply(this, args);
        else {
          args.pop();
          fn.apply(this, args).then((r) => cb(null, r), cb);
        }
      }, "name", { value: fn.name });
    };
  }
});

// node_modules/graceful-fs/polyfills.js
var require_polyfills = __commonJS({
  "node_modules/graceful-fs/polyfills.js"(exports2, module2) {
    var constants = require("constants");
    var origCwd = process.cwd;
    var cwd = null;
    var platform = process.env.GRACEFUL_FS_PLATFORM || process.platform;
    process.cwd = function() {
      if (!cwd)
        cwd = origCwd.call(process);
      return cwd;
    };
    try {
      process.cwd();
    } catch (er) {
    }
    if (typeof process.chdir === "function") {
      chdir = process.chdir;
      process.chdir = function(d) {
        cwd = null;
        chdir.call(process, d);
      };
      if (Object.setPrototypeOf) Object.setPrototypeOf(process.chdir, chdir);
    }
    var chdir;
    module2.exports = patch;
    function patch(fs18) {
      if (constants.hasOwnProperty("O_SYMLINK") && process.version.match(/^v0\.6\.[0-2]|^v0\.5\./)) {
        patchLchmod(fs18);
      }
      if (!fs18.lutimes) {
        patchLutimes(fs18);
      }
      fs18.chown = chownFix(fs18.chown);
      fs18.fchown = chownFix(fs18.fchown);
      fs18.lchown = chownFix(fs18.lchown);
      fs18.chmod = chmodFix(fs18.chmod);
      fs18.fchmod = chmodFix(fs18.fchmod);
      fs18.lchmod = chmodFix(fs18.lchmod);
      fs18.chownSync = chownFixSync(fs18.chownSync);
      fs18.fchownSync = chownFixSync(fs18.fchownSync);
      fs18.lchownSync = chownFixSync(fs18.lchownSync);
      fs18.chmodSync = chmodFixSync(fs18.chmodSync);
      fs18.fchmodSync = chmodFixSync(fs18.fchmodSync);
      fs18.lchmodSync = chmodFixSync(fs18.lchmodSync);
      fs18.stat = statFix(fs18.stat);
      fs18.fstat = statFix(fs18.fstat);
      fs18.lstat = statFix(fs18.lstat);
      fs18.statSync = statFixSync(fs18.statSync);
      fs18.fstatSync = statFixSync(fs18.fstatSync);
      fs18.lstatSync = statFixSync(fs18.lstatSync);
      if (fs18.chmod && !fs18.lchmod) {
        fs18.lchmod = function(path22, mode, cb) {
          if (cb) process.nextTick(cb);
        };
        fs18.lchmodSync = function() {
        };
      }
      if (fs18.chown && !fs18.lchown) {
        fs18.lchown = function(path22, uid, gid, cb) {
          if (cb) process.nextTick(cb);
        };
        fs18.lchownSync = function() {
        };
      }
      if (platform === "win32") {
        fs18.rename = typeof fs18.rename !== "function" ? fs18.rename : (function(fs$rename) {
          function rename(from, to, cb) {
            var start2 = Date.now();
            var backoff = 0;
            fs$rename(from, to, function CB(er) {
              if (er && (er.code === "EACCES" || er.code === "EPERM" || er.code === "EBUSY") && Date.now() - start2 < 6e4) {
                setTimeout(function() {
                  fs18.stat(to, function(stater, st) {
                    if (stater && stater.code === "ENOENT")
                      fs$rename(from, to, CB);
                    else
                      cb(er);
                  });
                }, backoff);
                if (backoff < 100)
                  backoff += 10;
                return;
              }
              if (cb) cb(er);
            });
          }
          if (Object.setPrototypeOf) Object.setPrototypeOf(rename, fs$rename);
          return rename;
        })(fs18.rename);
      }
      fs18.read = typeof fs18.read !== "function" ? fs18.read : (function(fs$read) {
        function read2(fd, buffer, offset, length, position, callback_) {
          var callback;
          if (callback_ && typeof callback_ === "function") {
            var eagCounter = 0;
            callback = function(er, _, __) {
              if (er && er.code === "EAGAIN" && eagCounter < 10) {
                eagCounter++;
                return fs$read.call(fs18, fd, buffer, offset, length, position, callback);
              }
              callback_.apply(this, arguments);
            };
          }
          return fs$read.call(fs18, fd, buffer, offset, length, position, callback);
        }
        if (Object.setPrototypeOf) Object.setPrototypeOf(read2, fs$read);
        return read2;
      })(fs18.read);
      fs18.readSync = typeof fs18.readSync !== "function" ? fs18.readSync : /* @__PURE__ */ (function(fs$readSync) {
        return function(fd, buffer, offset, length, position) {
          var eagCounter = 0;
          while (true) {
            try {
              return fs$readSync.call(fs18, fd, buffer, offset, length, position);
            } catch (er) {
              if (er.code === "EAGAIN" && eagCounter < 10) {
                eagCounter++;
                continue;
              }
              throw er;
            }
          }
        };
      })(fs18.readSync);
      function patchLchmod(fs19) {
        fs19.lchmod = function(path22, mode, callback) {
          fs19.open(
            path22,
            constants.O_WRONLY | constants.O_SYMLINK,
            mode,
            function(err, fd) {
              if (err) {
                if (callback) callback(err);
                return;
              }
              fs19.fchmod(fd, mode, function(err2) {
                fs19.close(fd, function(err22) {
                  if (callback) callback(err2 || err22);
                });
              });
            }
          );
        };
        fs19.lchmodSync = function(path22, mode) {
          var fd = fs19.openSync(path22, constants.O_WRONLY | constants.O_SYMLINK, mode);
          var threw = true;
          var ret;
          try {
            ret = fs19.fchmodSync(fd, mode);
            threw = false;
          } finally {
            if (threw) {
              try {
                fs19.closeSync(fd);
              } catch (er) {
              }
            } else {
              fs19.closeSync(fd);
            }
          }
          return ret;
        };
      }
      function patchLutimes(fs19) {
        if (constants.hasOwnProperty("O_SYMLINK") && fs19.futimes) {
          fs19.lutimes = function(path22, at2, mt, cb) {
            fs19.open(path22, constants.O_SYMLINK, function(er, fd) {
              if (er) {
                if (cb) cb(er);
                return;
              }
              fs19.futimes(fd, at2, mt, function(er2) {
                fs19.close(fd, function(er22) {
                  if (cb) cb(er2 || er22);
                });
              });
            });
          };
          fs19.lutimesSync = function(path22, at2, mt) {
            var fd = fs19.openSync(path22, constants.O_SYMLINK);
            var ret;
            var threw = true;
            try {
              ret = fs19.futimesSync(fd, at2, mt);
              threw = false;
            } finally {
              if (threw) {
                try {
                  fs19.closeSync(fd);
                } catch (er) {
                }
              } else {
                fs19.closeSync(fd);
              }
            }
            return ret;
          };
        } else if (fs19.futimes) {
          fs19.lutimes = function(_a, _b, _c, cb) {
            if (cb) process.nextTick(cb);
          };
          fs19.lutimesSync = function() {
          };
        }
      }
      function chmodFix(orig) {
        if (!orig) return orig;
        return function(target, mode, cb) {
          return orig.call(fs18, target, mode, function(er) {
            if (chownErOk(er)) er = null;
            if (cb) cb.apply(this, arguments);
          });
        };
      }
      function chmodFixSync(orig) {
        if (!orig) return orig;
        return function(target, mode) {
          try {
            return orig.call(fs18, target, mode);
          } catch (er) {
            if (!chownErOk(er)) throw er;
          }
        };
      }
      function chownFix(orig) {
        if (!orig) return orig;
        return function(target, uid, gid, cb) {
          return orig.call(fs18, target, uid, gid, function(er) {
            if (chownErOk(er)) er = null;
            if (cb) cb.apply(this, arguments);
          });
        };
      }
      function chownFixSync(orig) {
        if (!orig) return orig;
        return function(target, uid, gid) {
          try {
            return orig.call(fs18, target, uid, gid);
          } catch (er) {
            if (!chownErOk(er)) throw er;
          }
        };
      }
      function statFix(orig) {
        if (!orig) return orig;
        return function(target, options, cb) {
          if (typeof options === "function") {
            cb = options;
            options = null;
          }
          function callback(er, stats) {
            if (stats) {
              if (stats.uid < 0) stats.uid += 4294967296;
              if (stats.gid < 0) stats.gid += 4294967296;
            }
            if (cb) cb.apply(this, arguments);
          }
          return options ? orig.call(fs18, target, options, callback) : orig.call(fs18, target, callback);
        };
      }
      function statFixSync(orig) {
        if (!orig) return orig;
        return function(target, options) {
          var stats = options ? orig.call(fs18, target, options) : orig.call(fs18, target);
          if (stats) {
            if (stats.uid < 0) stats.uid += 4294967296;
            if (stats.gid < 0) stats.gid += 4294967296;
          }
          return stats;
        };
      }
      function chownErOk(er) {
        if (!er)
          return true;
        if (er.code === "ENOSYS")
          return true;
        var nonroot = !process.getuid || process.getuid() !== 0;
        if (nonroot) {
          if (er.code === "EINVAL" || er.code === "EPERM")
            return true;
        }
        return false;
      }
    }
  }
});

// node_modules/graceful-fs/legacy-streams.js
var require_legacy_streams = __commonJS({
  "node_modules/graceful-fs/legacy-streams.js"(exports2, module2) {
    var Stream = require("stream").Stream;
    module2.exports = legacy;
    function legacy(fs18) {
      return {
        ReadStream,
        WriteStream
      };
      function ReadStream(path22, options) {
        if (!(this instanceof ReadStream)) return new ReadStream(path22, options);
        Stream.call(this);
        var self = this;
        this.path = path22;
        this.fd = null;
        this.readable = true;
        this.paused = false;
        this.flags = "r";
        this.mode = 438;
        this.bufferSize = 64 * 1024;
        options = options || {};
        var keys = Object.keys(options);
        for (var index = 0, length = keys.length; index < length; index++) {
          var key = keys[index];
          this[key] = options[key];
        }
        if (this.encoding) this.setEncoding(this.encoding);
        if (this.start !== void 0) {
          if ("number" !== typeof this.start) {
            throw TypeError("start must be a Number");
          }
          if (this.end === void 0) {
            this.end = Infinity;
          } else if ("number" !== typeof this.end) {
            throw TypeError("end must be a Number");
          }
          if (this.start > this.end) {
            throw new Error("start must be <= end");
          }
          this.pos = this.start;
        }
        if (this.fd !== null) {
          process.nextTick(function() {
            self._read();
          });
          return;
        }
        fs18.open(this.path, this.flags, this.mode, function(err, fd) {
          if (err) {
            self.emit("error", err);
            self.readable = false;
            return;
          }
          self.fd = fd;
          self.emit("open", fd);
          self._read();
        });
      }
      function WriteStream(path22, options) {
        if (!(this instanceof WriteStream)) return new WriteStream(path22, options);
        Stream.call(this);
        this.path = path22;
        this.fd = null;
        this.writable = true;
        this.flags = "w";
        this.encoding = "binary";
        this.mode = 438;
        this.bytesWritten = 0;
        options = options || {};
        var keys = Object.keys(options);
        for (var index = 0, length = keys.length; index < length; index++) {
          var key = keys[index];
          this[key] = options[key];
        }
        if (this.start !== void 0) {
          if ("number" !== typeof this.start) {
            throw TypeError("start must be a Number");
          }
          if (this.start < 0) {
            throw new Error("start must be >= zero");
          }
          this.pos = this.start;
        }
        this.busy = false;
        this._queue = [];
        if (this.fd === null) {
          this._open = fs18.open;
          this._queue.push([this._open, this.path, this.flags, this.mode, void 0]);
          this.flush();
        }
      }
    }
  }
});

// node_modules/graceful-fs/clone.js
var require_clone = __commonJS({
  "node_modules/graceful-fs/clone.js"(exports2, module2) {
    "use strict";
    module2.exports = clone;
    var getPrototypeOf = Object.getPrototypeOf || function(obj) {
      return obj.__proto__;
    };
    function clone(obj) {
      if (obj === null || typeof obj !== "object")
        return obj;
      if (obj instanceof Object)
        var copy = { __proto__: getPrototypeOf(obj) };
      else
        var copy = /* @__PURE__ */ Object.create(null);
      Object.getOwnPropertyNames(obj).forEach(function(key) {
        Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(obj, key));
      });
      return copy;
    }
  }
});

// node_modules/graceful-fs/graceful-fs.js
var require_graceful_fs = __commonJS({
  "node_modules/graceful-fs/graceful-fs.js"(exports2, module2) {
    var fs18 = require("fs");
    var polyfills = require_polyfills();
    var legacy = require_legacy_streams();
    var clone = require_clone();
    var util = require("util");
    var gracefulQueue;
    var previousSymbol;
    if (typeof Symbol === "function" && typeof Symbol.for === "function") {
      gracefulQueue = /* @__PURE__ */ Symbol.for("graceful-fs.queue");
      previousSymbol = /* @__PURE__ */ Symbol.for("graceful-fs.previous");
    } else {
      gracefulQueue = "___graceful-fs.queue";
      previousSymbol = "___graceful-fs.previous";
    }
    function noop() {
    }
    function publishQueue(context, queue2) {
      Object.defineProperty(context, gracefulQueue, {
        get: function() {
          return queue2;
        }
      });
    }
    var debug = noop;
    if (util.debuglog)
      debug = util.debuglog("gfs4");
    else if (/\bgfs4\b/i.test(process.env.NODE_DEBUG || ""))
      debug = function() {
        var m = util.format.apply(util, arguments);
        m = "GFS4: " + m.split(/\n/).join("\nGFS4: ");
        console.error(m);
      };
    if (!fs18[gracefulQueue]) {
      queue = global[gracefulQueue] || [];
      publishQueue(fs18, queue);
      fs18.close = (function(fs$close) {
        function close(fd, cb) {
          return fs$close.call(fs18, fd, function(err) {
            if (!err) {
              resetQueue();
            }
            if (typeof cb === "function")
              cb.apply(this, arguments);
          });
        }
        Object.defineProperty(close, previousSymbol, {
          value: fs$close
        });
        return close;
      })(fs18.close);
      fs18.closeSync = (function(fs$closeSync) {
        function closeSync(fd) {
          fs$closeSync.apply(fs18, arguments);
          resetQueue();
        }
        Object.defineProperty(closeSync, previousSymbol, {
          value: fs$closeSync
        });
        return closeSync;
      })(fs18.closeSync);
      if (/\bgfs4\b/i.test(process.env.NODE_DEBUG || "")) {
        process.on("exit", function() {
          debug(fs18[gracefulQueue]);
          require("assert").equal(fs18[gracefulQueue].length, 0);
        });
      }
    }
    var queue;
    if (!global[gracefulQueue]) {
      publishQueue(global, fs18[gracefulQueue]);
    }
    module2.exports = patch(clone(fs18));
    if (process.env.TEST_GRACEFUL_FS_GLOBAL_PATCH && !fs18.__patched) {
      module2.exports = patch(fs18);
      fs18.__patched = true;
    }
    function patch(fs19) {
      polyfills(fs19);
      fs19.gracefulify = patch;
      fs19.createReadStream = createReadStream;
      fs19.createWriteStream = createWriteStream;
      var fs$readFile = fs19.readFile;
      fs19.readFile = readFile;
      function readFile(path22, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        return go$readFile(path22, options, cb);
        function go$readFile(path23, options2, cb2, startTime) {
          return fs$readFile(path23, options2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$readFile, [path23, options2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$writeFile = fs19.writeFile;
      fs19.writeFile = writeFile;
      function writeFile(path22, data, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        return go$writeFile(path22, data, options, cb);
        function go$writeFile(path23, data2, options2, cb2, startTime) {
          return fs$writeFile(path23, data2, options2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$writeFile, [path23, data2, options2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$appendFile = fs19.appendFile;
      if (fs$appendFile)
        fs19.appendFile = appendFile;
      function appendFile(path22, data, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        return go$appendFile(path22, data, options, cb);
        function go$appendFile(path23, data2, options2, cb2, startTime) {
          return fs$appendFile(path23, data2, options2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$appendFile, [path23, data2, options2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$copyFile = fs19.copyFile;
      if (fs$copyFile)
        fs19.copyFile = copyFile;
      function copyFile(src, dest, flags, cb) {
        if (typeof flags === "function") {
          cb = flags;
          flags = 0;
        }
        return go$copyFile(src, dest, flags, cb);
        function go$copyFile(src2, dest2, flags2, cb2, startTime) {
          return fs$copyFile(src2, dest2, flags2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$copyFile, [src2, dest2, flags2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$readdir = fs19.readdir;
      fs19.readdir = readdir;
      var noReaddirOptionVersions = /^v[0-5]\./;
      function readdir(path22, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        var go$readdir = noReaddirOptionVersions.test(process.version) ? function go$readdir2(path23, options2, cb2, startTime) {
          return fs$readdir(path23, fs$readdirCallback(
            path23,
            options2,
            cb2,
            startTime
          ));
        } : function go$readdir2(path23, options2, cb2, startTime) {
          return fs$readdir(path23, options2, fs$readdirCallback(
            path23,
            options2,
            cb2,
            startTime
          ));
        };
        return go$readdir(path22, options, cb);
        function fs$readdirCallback(path23, options2, cb2, startTime) {
          return function(err, files) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([
                go$readdir,
                [path23, options2, cb2],
                err,
                startTime || Date.now(),
                Date.now()
              ]);
            else {
              if (files && files.sort)
                files.sort();
              if (typeof cb2 === "function")
                cb2.call(this, err, files);
            }
          };
        }
      }
      if (process.version.substr(0, 4) === "v0.8") {
        var legStreams = legacy(fs19);
        ReadStream = legStreams.ReadStream;
        WriteStream = legStreams.WriteStream;
      }
      var fs$ReadStream = fs19.ReadStream;
      if (fs$ReadStream) {
        ReadStream.prototype = Object.create(fs$ReadStream.prototype);
        ReadStream.prototype.open = ReadStream$open;
      }
      var fs$WriteStream = fs19.WriteStream;
      if (fs$WriteStream) {
        WriteStream.prototype = Object.create(fs$WriteStream.prototype);
        WriteStream.prototype.open = WriteStream$open;
      }
      Object.defineProperty(fs19, "ReadStream", {
        get: function() {
          return ReadStream;
        },
        set: function(val) {
          ReadStream = val;
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(fs19, "WriteStream", {
        get: function() {
          return WriteStream;
        },
        set: function(val) {
          WriteStream = val;
        },
        enumerable: true,
        configurable: true
      });
      var FileReadStream = ReadStream;
      Object.defineProperty(fs19, "FileReadStream", {
        get: function() {
          return FileReadStream;
        },
        set: function(val) {
          FileReadStream = val;
        },
        enumerable: true,
        configurable: true
      });
      var FileWriteStream = WriteStream;
      Object.defineProperty(fs19, "FileWriteStream", {
        get: function() {
          return FileWriteStream;
        },
        set: function(val) {
          FileWriteStream = val;
        },
        enumerable: true,
        configurable: true
      });
      function ReadStream(path22, options) {
        if (this instanceof ReadStream)
          return fs$ReadStream.apply(this, arguments), this;
        else
          return ReadStream.apply(Object.create(ReadStream.prototype), arguments);
      }
      function ReadStream$open() {
        var that = this;
        open(that.path, that.flags, that.mode, function(err, fd) {
          if (err) {
            if (that.autoClose)
              that.destroy();
            that.emit("error", err);
          } else {
            that.fd = fd;
            that.emit("open", fd);
            that.read();
          }
        });
      }
      function WriteStream(path22, options) {
        if (this instanceof WriteStream)
          return fs$WriteStream.apply(this, arguments), this;
        else
          return WriteStream.apply(Object.create(WriteStream.prototype), arguments);
      }
      function WriteStream$open() {
        var that = this;
        open(that.path, that.flags, that.mode, function(err, fd) {
          if (err) {
            that.destroy();
            that.emit("error", err);
          } else {
            that.fd = fd;
            that.emit("open", fd);
          }
        });
      }
      function createReadStream(path22, options) {
        return new fs19.ReadStream(path22, options);
      }
      function createWriteStream(path22, options) {
        return new fs19.WriteStream(path22, options);
      }
      var fs$open = fs19.open;
      fs19.open = open;
      function open(path22, flags, mode, cb) {
        if (typeof mode === "function")
          cb = mode, mode = null;
        return go$open(path22, flags, mode, cb);
        function go$open(path23, flags2, mode2, cb2, startTime) {
          return fs$open(path23, flags2, mode2, function(err, fd) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$open, [path23, flags2, mode2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      return fs19;
    }
    function enqueue(elem) {
      debug("ENQUEUE", elem[0].name, elem[1]);
      fs18[gracefulQueue].push(elem);
      retry();
    }
    var retryTimer;
    function resetQueue() {
      var now = Date.now();
      for (var i = 0; i < fs18[gracefulQueue].length; ++i) {
        if (fs18[gracefulQueue][i].length > 2) {
          fs18[gracefulQueue][i][3] = now;
          fs18[gracefulQueue][i][4] = now;
        }
      }
      retry();
    }
    function retry() {
      clearTimeout(retryTimer);
      retryTimer = void 0;
      if (fs18[gracefulQueue].length === 0)
        return;
      var elem = fs18[gracefulQueue].shift();
      var fn = elem[0];
      var args = elem[1];
      var err = elem[2];
      var startTime = elem[3];
      var lastTime = elem[4];
      if (startTime === void 0) {
        debug("RETRY", fn.name, args);
        fn.apply(null, args);
      } else if (Date.now() - startTime >= 6e4) {
        debug("TIMEOUT", fn.name, args);
        var cb = args.pop();
        if (typeof cb === "function")
          cb.call(null, err);
      } else {
        var sinceAttempt = Date.now() - lastTime;
        var sinceStart = Math.max(lastTime - startTime, 1);
        var desiredDelay = Math.min(sinceStart * 1.2, 100);
        if (sinceAttempt >= desiredDelay) {
          debug("RETRY", fn.name, args);
          fn.apply(null, args.concat([startTime]));
        } else {
          fs18[gracefulQueue].push(elem);
        }
      }
      if (retryTimer === void 0) {
        retryTimer = setTimeout(retry, 0);
      }
    }
  }
});

// node_modules/fs-extra/lib/fs/index.js
var require_fs = __commonJS({
  "node_modules/fs-extra/lib/fs/index.js"(exports2) {
    "use strict";
    var u = require_universalify().fromCallback;
    var fs18 = require_graceful_fs();
    var api = [
      "access",
      "appendFile",
      "chmod",
      "chown",
      "close",
      "copyFile",
      "cp",
      "fchmod",
      "fchown",
      "fdatasync",
      "fstat",
      "fsync",
      "ftruncate",
      "futimes",
      "glob",
      "lchmod",
      "lchown",
      "lutimes",
      "link",
      "lstat",
      "mkdir",
      "mkdtemp",
      "open",
      "opendir",
      "readdir",
      "readFile",
      "readlink",
      "realpath",
      "rename",
      "rm",
      "rmdir",
      "stat",
      "statfs",
      "symlink",
      "truncate",
      "unlink",
      "utimes",
      "writeFile"
    ].filter((key) => {
      return typeof fs18[key] === "function";
    });
    Object.assign(exports2, fs18);
    api.forEach((method) => {
      exports2[method] = u(fs18[method]);
    });
    exports2.exists = function(filename, callback) {
      if (typeof callback === "function") {
        return fs18.exists(filename, callback);
      }
      return new Promise((resolve2) => {
        return fs18.exists(filename, resolve2);
      });
    };
    exports2.read = function(fd, buffer, offset, length, position, callback) {
      if (typeof callback === "function") {
        return fs18.read(fd, buffer, offset, length, position, callback);
      }
      return new Promise((resolve2, reject) => {
        fs18.read(fd, buffer, offset, length, position, (err, bytesRead, buffer2) => {
          if (err) return reject(err);
          resolve2({ bytesRead, buffer: buffer2 });
        });
      });
    };
    exports2.write = function(fd, buffer, ...args) {
      if (typeof args[args.length - 1] === "function") {
        return fs18.write(fd, buffer, ...args);
      }
      return new Promise((resolve2, reject) => {
        fs18.write(fd, buffer, ...args, (err, bytesWritten, buffer2) => {
          if (err) return reject(err);
          resolve2({ bytesWritten, buffer: buffer2 });
        });
      });
    };
    exports2.readv = function(fd, buffers, ...args) {
      if (typeof args[args.length - 1] === "function") {
        return fs18.readv(fd, buffers, ...args);
      }
      return new Promise((resolve2, reject) => {
        fs18.readv(fd, buffers, ...args, (err, bytesRead, buffers2) => {
          if (err) return reject(err);
          resolve2({ bytesRead, buffers: buffers2 });
        });
      });
    };
    exports2.writev = function(fd, buffers, ...args) {
      if (typeof args[args.length - 1] === "function") {
        return fs18.writev(fd, buffers, ...args);
      }
      return new Promise((resolve2, reject) => {
        fs18.writev(fd, buffers, ...args, (err, bytesWritten, buffers2) => {
          if (err) return reject(err);
          resolve2({ bytesWritten, buffers: buffers2 });
        });
      });
    };
    if (typeof fs18.realpath.native === "function") {
      exports2.realpath.native = u(fs18.realpath.native);
    } else {
      process.emitWarning(
        "fs.realpath.native is not a function. Is fs being monkey-patched?",
        "Warning",
        "fs-extra-WARN0003"
      );
    }
  }
});

// node_modules/fs-extra/lib/mkdirs/utils.js
var require_utils = __commonJS({
  "node_modules/fs-extra/lib/mkdirs/utils.js"(exports2, module2) {
    "use strict";
    var path22 = require("path");
    module2.exports.checkPath = function checkPath(pth) {
      if (process.platform === "win32") {
        const pathHasInvalidWinCharacters = /[<>:"|?*]/.test(pth.replace(path22.parse(pth).root, ""));
        if (pathHasInvalidWinCharacters) {
          const error = new Error(`Path contains invalid characters: ${pth}`);
          error.code = "EINVAL";
          throw error;
        }
      }
    };
  }
});

// node_modules/fs-extra/lib/mkdirs/make-dir.js
var require_make_dir = __commonJS({
  "node_modules/fs-extra/lib/mkdirs/make-dir.js"(exports2, module2) {
    "use strict";
    var fs18 = require_fs();
    var { checkPath } = require_utils();
    var getMode = (options) => {
      const defaults = { mode: 511 };
      if (typeof options === "number") return options;
      return { ...defaults, ...options }.mode;
    };
    module2.exports.makeDir = async (dir, options) => {
      checkPath(dir);
      return fs18.mkdir(dir, {
        mode: getMode(options),
        recursive: true
      });
    };
    module2.exports.makeDirSync = (dir, options) => {
      checkPath(dir);
      return fs18.mkdirSync(dir, {
        mode: getMode(options),
        recursive: true
      });
    };
  }
});

// node_modules/fs-extra/lib/mkdirs/index.js
var require_mkdirs = __commonJS({
  "node_modules/fs-extra/lib/mkdirs/index.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    var { makeDir: _makeDir, makeDirSync } = require_make_dir();
    var makeDir = u(_makeDir);
    module2.exports = {
      mkdirs: makeDir,
      mkdirsSync: makeDirSync,
      // alias
      mkdirp: makeDir,
      mkdirpSync: makeDirSync,
      ensureDir: makeDir,
      ensureDirSync: makeDirSync
    };
  }
});

// node_modules/fs-extra/lib/path-exists/index.js
var require_path_exists = __commonJS({
  "node_modules/fs-extra/lib/path-exists/index.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    var fs18 = require_fs();
    function pathExists(path22) {
      return fs18.access(path22).then(() => true).catch(() => false);
    }
    module2.exports = {
      pathExists: u(pathExists),
      pathExistsSync: fs18.existsSync
    };
  }
});

// node_modules/fs-extra/lib/util/utimes.js
var require_utimes = __commonJS({
  "node_modules/fs-extra/lib/util/utimes.js"(exports2, module2) {
    "use strict";
    var fs18 = require_fs();
    var u = require_universalify().fromPromise;
    async function utimesMillis(path22, atime, mtime) {
      const fd = await fs18.open(path22, "r+");
      let error = null;
      try {
        await fs18.futimes(fd, atime, mtime);
      } catch (futimesErr) {
        error = futimesErr;
      } finally {
        try {
          await fs18.close(fd);
        } catch (closeErr) {
          if (!error) error = closeErr;
        }
      }
      if (error) {
        throw error;
      }
    }
    function utimesMillisSync(path22, atime, mtime) {
      const fd = fs18.openSync(path22, "r+");
      let error = null;
      try {
        fs18.futimesSync(fd, atime, mtime);
      } catch (futimesErr) {
        error = futimesErr;
      } finally {
        try {
          fs18.closeSync(fd);
        } catch (closeErr) {
          if (!error) error = closeErr;
        }
      }
      if (error) {
        throw error;
      }
    }
    module2.exports = {
      utimesMillis: u(utimesMillis),
      utimesMillisSync
    };
  }
});

// node_modules/fs-extra/lib/util/stat.js
var require_stat = __commonJS({
  "node_modules/fs-extra/lib/util/stat.js"(exports2, module2) {
    "use strict";
    var fs18 = require_fs();
    var path22 = require("path");
    var u = require_universalify().fromPromise;
    function getStats(src, dest, opts) {
      const statFunc = opts.dereference ? (file) => fs18.stat(file, { bigint: true }) : (file) => fs18.lstat(file, { bigint: true });
      return Promise.all([
        statFunc(src),
        statFunc(dest).catch((err) => {
          if (err.code === "ENOENT") return null;
          throw err;
        })
      ]).then(([srcStat, destStat]) => ({ srcStat, destStat }));
    }
    function getStatsSync(src, dest, opts) {
      let destStat;
      const statFunc = opts.dereference ? (file) => fs18.statSync(file, { bigint: true }) : (file) => fs18.lstatSync(file, { bigint: true });
      const srcStat = statFunc(src);
      try {
        destStat = statFunc(dest);
      } catch (err) {
        if (err.code === "ENOENT") return { srcStat, destStat: null };
        throw err;
      }
      return { srcStat, destStat };
    }
    async function checkPaths(src, dest, funcName, opts) {
      const { srcStat, destStat } = await getStats(src, dest, opts);
      if (destStat) {
        if (areIdentical(srcStat, destStat)) {
          const srcBaseName = path22.basename(src);
          const destBaseName = path22.basename(dest);
          if (funcName === "move" && srcBaseName !== destBaseName && isCosmeticRename(srcBaseName, destBaseName)) {
            return { srcStat, destStat, isChangingCase: true };
          }
          throw new Error("Source and destination must not be the same.");
        }
        if (srcStat.isDirectory() && !destStat.isDirectory()) {
          throw new Error(`Cannot overwrite non-directory '${dest}' with directory '${src}'.`);
        }
        if (!srcStat.isDirectory() && destStat.isDirectory()) {
          throw new Error(`Cannot overwrite directory '${dest}' with non-directory '${src}'.`);
        }
      }
      if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
        throw new Error(errMsg(src, dest, funcName));
      }
      return { srcStat, destStat };
    }
    function checkPathsSync(src, dest, funcName, opts) {
      const { srcStat, destStat } = getStatsSync(src, dest, opts);
      if (destStat) {
        if (areIdentical(srcStat, destStat)) {
          const srcBaseName = path22.basename(src);
          const destBaseName = path22.basename(dest);
          if (funcName === "move" && srcBaseName !== destBaseName && isCosmeticRename(srcBaseName, destBaseName)) {
            return { srcStat, destStat, isChangingCase: true };
          }
          throw new Error("Source and destination must not be the same.");
        }
        if (srcStat.isDirectory() && !destStat.isDirectory()) {
          throw new Error(`Cannot overwrite non-directory '${dest}' with directory '${src}'.`);
        }
        if (!srcStat.isDirectory() && destStat.isDirectory()) {
          throw new Error(`Cannot overwrite directory '${dest}' with non-directory '${src}'.`);
        }
      }
      if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
        throw new Error(errMsg(src, dest, funcName));
      }
      return { srcStat, destStat };
    }
    function isCosmeticRename(srcBaseName, destBaseName) {
      return srcBaseName.toLowerCase().normalize("NFC") === destBaseName.toLowerCase().normalize("NFC");
    }
    async function checkParentPaths(src, srcStat, dest, funcName) {
      const srcParent = path22.resolve(path22.dirname(src));
      const destParent = path22.resolve(path22.dirname(dest));
      if (destParent === srcParent || destParent === path22.parse(destParent).root) return;
      let destStat;
      try {
        destStat = await fs18.stat(destParent, { bigint: true });
      } catch (err) {
        if (err.code === "ENOENT") return checkParentPaths(src, srcStat, destParent, funcName);
        throw err;
      }
      if (areIdentical(srcStat, destStat)) {
        throw new Error(errMsg(src, dest, funcName));
      }
      return checkParentPaths(src, srcStat, destParent, funcName);
    }
    function checkParentPathsSync(src, srcStat, dest, funcName) {
      const srcParent = path22.resolve(path22.dirname(src));
      const destParent = path22.resolve(path22.dirname(dest));
      if (destParent === srcParent || destParent === path22.parse(destParent).root) return;
      let destStat;
      try {
        destStat = fs18.statSync(destParent, { bigint: true });
      } catch (err) {
        if (err.code === "ENOENT") return checkParentPathsSync(src, srcStat, destParent, funcName);
        throw err;
      }
      if (areIdentical(srcStat, destStat)) {
        throw new Error(errMsg(src, dest, funcName));
      }
      return checkParentPathsSync(src, srcStat, destParent, funcName);
    }
    function areIdentical(srcStat, destStat) {
      return destStat.ino !== void 0 && destStat.dev !== void 0 && destStat.ino === srcStat.ino && destStat.dev === srcStat.dev;
    }
    function isSrcSubdir(src, dest) {
      const srcArr = path22.resolve(src).split(path22.sep).filter((i) => i);
      const destArr = path22.resolve(dest).split(path22.sep).filter((i) => i);
      return srcArr.every((cur, i) => destArr[i] === cur);
    }
    function errMsg(src, dest, funcName) {
      return `Cannot ${funcName} '${src}' to a subdirectory of itself, '${dest}'.`;
    }
    module2.exports = {
      // checkPaths
      checkPaths: u(checkPaths),
      checkPathsSync,
      // checkParent
      checkParentPaths: u(checkParentPaths),
      checkParentPathsSync,
      // Misc
      isSrcSubdir,
      areIdentical
    };
  }
});

// node_modules/fs-extra/lib/util/async.js
var require_async = __commonJS({
  "node_modules/fs-extra/lib/util/async.js"(exports2, module2) {
    "use strict";
    async function asyncIteratorConcurrentProcess(iterator, fn) {
      const promises = [];
      for await (const item of iterator) {
        promises.push(
          fn(item).then(
            () => null,
            (err) => err ?? new Error("unknown error")
          )
        );
      }
      await Promise.all(
        promises.map(
          (promise) => promise.then((possibleErr) => {
            if (possibleErr !== null) throw possibleErr;
          })
        )
      );
    }
    module2.exports = {
      asyncIteratorConcurrentProcess
    };
  }
});

// node_modules/fs-extra/lib/copy/copy.js
var require_copy = __commonJS({
  "node_modules/fs-extra/lib/copy/copy.js"(exports2, module2) {
    "use strict";
    var fs18 = require_fs();
    var path22 = require("path");
    var { mkdirs } = require_mkdirs();
    var { pathExists } = require_path_exists();
    var { utimesMillis } = require_utimes();
    var stat = require_stat();
    var { asyncIteratorConcurrentProcess } = require_async();
    async function copy(src, dest, opts = {}) {
      if (typeof opts === "function") {
        opts = { filter: opts };
      }
      opts.clobber = "clobber" in opts ? !!opts.clobber : true;
      opts.overwrite = "overwrite" in opts ? !!opts.overwrite : opts.clobber;
      if (opts.preserveTimestamps && process.arch === "ia32") {
        process.emitWarning(
          "Using the preserveTimestamps option in 32-bit node is not recommended;\n\n	see https://github.com/jprichardson/node-fs-extra/issues/269",
          "Warning",
          "fs-extra-WARN0001"
        );
      }
      const { srcStat, destStat } = await stat.checkPaths(src, dest, "copy", opts);
      await stat.checkParentPaths(src, srcStat, dest, "copy");
      const include = await runFilter(src, dest, opts);
      if (!include) return;
      const destParent = path22.dirname(dest);
      const dirExists = await pathExists(destParent);
      if (!dirExists) {
        await mkdirs(destParent);
      }
      await getStatsAndPerformCopy(destStat, src, dest, opts);
    }
    async function runFilter(src, dest, opts) {
      if (!opts.filter) return true;
      return opts.filter(src, dest);
    }
    async function getStatsAndPerformCopy(destStat, src, dest, opts) {
      const statFn = opts.dereference ? fs18.stat : fs18.lstat;
      const srcStat = await statFn(src);
      if (srcStat.isDirectory()) return onDir(srcStat, destStat, src, dest, opts);
      if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) return onFile(srcStat, destStat, src, dest, opts);
      if (srcStat.isSymbolicLink()) return onLink(destStat, src, dest, opts);
      if (srcStat.isSocket()) throw new Error(`Cannot copy a socket file: ${src}`);
      if (srcStat.isFIFO()) throw new Error(`Cannot copy a FIFO pipe: ${src}`);
      throw new Error(`Unknown file: ${src}`);
    }
    async function onFile(srcStat, destStat, src, dest, opts) {
      if (!destStat) return copyFile(srcStat, src, dest, opts);
      if (opts.overwrite) {
        await fs18.unlink(dest);
        return copyFile(srcStat, src, dest, opts);
      }
      if (opts.errorOnExist) {
        throw new Error(`'${dest}' already exists`);
      }
    }
    async function copyFile(srcStat, src, dest, opts) {
      await fs18.copyFile(src, dest);
      if (opts.preserveTimestamps) {
        if (fileIsNotWritable(srcStat.mode)) {
          await makeFileWritable(dest, srcStat.mode);
        }
        const updatedSrcStat = await fs18.stat(src);
        await utimesMillis(dest, updatedSrcStat.atime, updatedSrcStat.mtime);
      }
      return fs18.chmod(dest, srcStat.mode);
    }
    function fileIsNotWritable(srcMode) {
      return (srcMode & 128) === 0;
    }
    function makeFileWritable(dest, srcMode) {
      return fs18.chmod(dest, srcMode | 128);
    }
    async function onDir(srcStat, destStat, src, dest, opts) {
      if (!destStat) {
        await fs18.mkdir(dest);
      }
      await asyncIteratorConcurrentProcess(await fs18.opendir(src), async (item) => {
        const srcItem = path22.join(src, item.name);
        const destItem = path22.join(dest, item.name);
        const include = await runFilter(srcItem, destItem, opts);
        if (include) {
          const { destStat: destStat2 } = await stat.checkPaths(srcItem, destItem, "copy", opts);
          await getStatsAndPerformCopy(destStat2, srcItem, destItem, opts);
        }
      });
      if (!destStat) {
        await fs18.chmod(dest, srcStat.mode);
      }
    }
    async function onLink(destStat, src, dest, opts) {
      let resolvedSrc = await fs18.readlink(src);
      if (opts.dereference) {
        resolvedSrc = path22.resolve(process.cwd(), resolvedSrc);
      }
      if (!destStat) {
        return fs18.symlink(resolvedSrc, dest);
      }
      let resolvedDest = null;
      try {
        resolvedDest = await fs18.readlink(dest);
      } catch (e) {
        if (e.code === "EINVAL" || e.code === "UNKNOWN") return fs18.symlink(resolvedSrc, dest);
        throw e;
      }
      if (opts.dereference) {
        resolvedDest = path22.resolve(process.cwd(), resolvedDest);
      }
      if (resolvedSrc !== resolvedDest) {
        if (stat.isSrcSubdir(resolvedSrc, resolvedDest)) {
          throw new Error(`Cannot copy '${resolvedSrc}' to a subdirectory of itself, '${resolvedDest}'.`);
        }
        if (stat.isSrcSubdir(resolvedDest, resolvedSrc)) {
          throw new Error(`Cannot overwrite '${resolvedDest}' with '${resolvedSrc}'.`);
        }
      }
      await fs18.unlink(dest);
      return fs18.symlink(resolvedSrc, dest);
    }
    module2.exports = copy;
  }
});

// node_modules/fs-extra/lib/copy/copy-sync.js
var require_copy_sync = __commonJS({
  "node_modules/fs-extra/lib/copy/copy-sync.js"(exports2, module2) {
    "use strict";
    var fs18 = require_graceful_fs();
    var path22 = require("path");
    var mkdirsSync = require_mkdirs().mkdirsSync;
    var utimesMillisSync = require_utimes().utimesMillisSync;
    var stat = require_stat();
    function copySync(src, dest, opts) {
      if (typeof opts === "function") {
        opts = { filter: opts };
      }
      opts = opts || {};
      opts.clobber = "clobber" in opts ? !!opts.clobber : true;
      opts.overwrite = "overwrite" in opts ? !!opts.overwrite : opts.clobber;
      if (opts.preserveTimestamps && process.arch === "ia32") {
        process.emitWarning(
          "Using the preserveTimestamps option in 32-bit node is not recommended;\n\n	see https://github.com/jprichardson/node-fs-extra/issues/269",
          "Warning",
          "fs-extra-WARN0002"
        );
      }
      const { srcStat, destStat } = stat.checkPathsSync(src, dest, "copy", opts);
      stat.checkParentPathsSync(src, srcStat, dest, "copy");
      if (opts.filter && !opts.filter(src, dest)) return;
      const destParent = path22.dirname(dest);
      if (!fs18.existsSync(destParent)) mkdirsSync(destParent);
      return getStats(destStat, src, dest, opts);
    }
    function getStats(destStat, src, dest, opts) {
      const statSync2 = opts.dereference ? fs18.statSync : fs18.lstatSync;
      const srcStat = statSync2(src);
      if (srcStat.isDirectory()) return onDir(srcStat, destStat, src, dest, opts);
      else if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) return onFile(srcStat, destStat, src, dest, opts);
      else if (srcStat.isSymbolicLink()) return onLink(destStat, src, dest, opts);
      else if (srcStat.isSocket()) throw new Error(`Cannot copy a socket file: ${src}`);
      else if (srcStat.isFIFO()) throw new Error(`Cannot copy a FIFO pipe: ${src}`);
      throw new Error(`Unknown file: ${src}`);
    }
    function onFile(srcStat, destStat, src, dest, opts) {
      if (!destStat) return copyFile(srcStat, src, dest, opts);
      return mayCopyFile(srcStat, src, dest, opts);
    }
    function mayCopyFile(srcStat, src, dest, opts) {
      if (opts.overwrite) {
        fs18.unlinkSync(dest);
        return copyFile(srcStat, src, dest, opts);
      } else if (opts.errorOnExist) {
        throw new Error(`'${dest}' already exists`);
      }
    }
    function copyFile(srcStat, src, dest, opts) {
      fs18.copyFileSync(src, dest);
      if (opts.preserveTimestamps) handleTimestamps(srcStat.mode, src, dest);
      return setDestMode(dest, srcStat.mode);
    }
    function handleTimestamps(srcMode, src, dest) {
      if (fileIsNotWritable(srcMode)) makeFileWritable(dest, srcMode);
      return setDestTimestamps(src, dest);
    }
    function fileIsNotWritable(srcMode) {
      return (srcMode & 128) === 0;
    }
    function makeFileWritable(dest, srcMode) {
      return setDestMode(dest, srcMode | 128);
    }
    function setDestMode(dest, srcMode) {
      return fs18.chmodSync(dest, srcMode);
    }
    function setDestTimestamps(src, dest) {
      const updatedSrcStat = fs18.statSync(src);
      return utimesMillisSync(dest, updatedSrcStat.atime, updatedSrcStat.mtime);
    }
    function onDir(srcStat, destStat, src, dest, opts) {
      if (!destStat) return mkDirAndCopy(srcStat.mode, src, dest, opts);
      return copyDir(src, dest, opts);
    }
    function mkDirAndCopy(srcMode, src, dest, opts) {
      fs18.mkdirSync(dest);
      copyDir(src, dest, opts);
      return setDestMode(dest, srcMode);
    }
    function copyDir(src, dest, opts) {
      const dir = fs18.opendirSync(src);
      try {
        let dirent;
        while ((dirent = dir.readSync()) !== null) {
          copyDirItem(dirent.name, src, dest, opts);
        }
      } finally {
        dir.closeSync();
      }
    }
    function copyDirItem(item, src, dest, opts) {
      const srcItem = path22.join(src, item);
      const destItem = path22.join(dest, item);
      if (opts.filter && !opts.filter(srcItem, destItem)) return;
      const { destStat } = stat.checkPathsSync(srcItem, destItem, "copy", opts);
      return getStats(destStat, srcItem, destItem, opts);
    }
    function onLink(destStat, src, dest, opts) {
      let resolvedSrc = fs18.readlinkSync(src);
      if (opts.dereference) {
        resolvedSrc = path22.resolve(process.cwd(), resolvedSrc);
      }
      if (!destStat) {
        return fs18.symlinkSync(resolvedSrc, dest);
      } else {
        let resolvedDest;
        try {
          resolvedDest = fs18.readlinkSync(dest);
        } catch (err) {
          if (err.code === "EINVAL" || err.code === "UNKNOWN") return fs18.symlinkSync(resolvedSrc, dest);
          throw err;
        }
        if (opts.dereference) {
          resolvedDest = path22.resolve(process.cwd(), resolvedDest);
        }
        if (resolvedSrc !== resolvedDest) {
          if (stat.isSrcSubdir(resolvedSrc, resolvedDest)) {
            throw new Error(`Cannot copy '${resolvedSrc}' to a subdirectory of itself, '${resolvedDest}'.`);
          }
          if (stat.isSrcSubdir(resolvedDest, resolvedSrc)) {
            throw new Error(`Cannot overwrite '${resolvedDest}' with '${resolvedSrc}'.`);
          }
        }
        return copyLink(resolvedSrc, dest);
      }
    }
    function copyLink(resolvedSrc, dest) {
      fs18.unlinkSync(dest);
      return fs18.symlinkSync(resolvedSrc, dest);
    }
    module2.exports = copySync;
  }
});

// node_modules/fs-extra/lib/copy/index.js
var require_copy2 = __commonJS({
  "node_modules/fs-extra/lib/copy/index.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    module2.exports = {
      copy: u(require_copy()),
      copySync: require_copy_sync()
    };
  }
});

// node_modules/fs-extra/lib/remove/index.js
var require_remove = __commonJS({
  "node_modules/fs-extra/lib/remove/index.js"(exports2, module2) {
    "use strict";
    var fs18 = require_graceful_fs();
    var u = require_universalify().fromCallback;
    function remove(path22, callback) {
      fs18.rm(path22, { recursive: true, force: true }, callback);
    }
    function removeSync(path22) {
      fs18.rmSync(path22, { recursive: true, force: true });
    }
    module2.exports = {
      remove: u(remove),
      removeSync
    };
  }
});

// node_modules/fs-extra/lib/empty/index.js
var require_empty = __commonJS({
  "node_modules/fs-extra/lib/empty/index.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    var fs18 = require_fs();
    var path22 = require("path");
    var mkdir = require_mkdirs();
    var remove = require_remove();
    var emptyDir = u(async function emptyDir2(dir) {
      let items;
      try {
        items = await fs18.readdir(dir);
      } catch (err) {
        if (err.code !== "ENOENT") throw err;
        return mkdir.mkdirs(dir);
      }
      return Promise.all(items.map((item) => remove.remove(path22.join(dir, item))));
    });
    function emptyDirSync(dir) {
      let items;
      try {
        items = fs18.readdirSync(dir);
      } catch (err) {
        if (err.code !== "ENOENT") throw err;
        return mkdir.mkdirsSync(dir);
      }
      items.forEach((item) => {
        item = path22.join(dir, item);
        remove.removeSync(item);
      });
    }
    module2.exports = {
      emptyDirSync,
      emptydirSync: emptyDirSync,
      emptyDir,
      emptydir: emptyDir
    };
  }
});

// node_modules/fs-extra/lib/ensure/file.js
var require_file = __commonJS({
  "node_modules/fs-extra/lib/ensure/file.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    var path22 = require("path");
    var fs18 = require_fs();
    var mkdir = require_mkdirs();
    async function createFile(file) {
      let stats;
      try {
        stats = await fs18.stat(file);
      } catch {
      }
      if (stats && stats.isFile()) return;
      const dir = path22.dirname(file);
      let dirStats = null;
      try {
        dirStats = await fs18.stat(dir);
      } catch (err) {
        if (err.code === "ENOENT") {
          await mkdir.mkdirs(dir);
          await fs18.writeFile(file, "");
          return;
        } else {
          throw err;
        }
      }
      if (dirStats.isDirectory()) {
        await fs18.writeFile(file, "");
      } else {
        await fs18.readdir(dir);
      }
    }
    function createFileSync(file) {
      let stats;
      try {
        stats = fs18.statSync(file);
      } catch {
      }
      if (stats && stats.isFile()) return;
      const dir = path22.dirname(file);
      try {
        if (!fs18.statSync(dir).isDirectory()) {
          fs18.readdirSync(dir);
        }
      } catch (err) {
        if (err && err.code === "ENOENT") mkdir.mkdirsSync(dir);
        else throw err;
      }
      fs18.writeFileSync(file, "");
    }
    module2.exports = {
      createFile: u(createFile),
      createFileSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/link.js
var require_link = __commonJS({
  "node_modules/fs-extra/lib/ensure/link.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    var path22 = require("path");
    var fs18 = require_fs();
    var mkdir = require_mkdirs();
    var { pathExists } = require_path_exists();
    var { areIdentical } = require_stat();
    async function createLink(srcpath, dstpath) {
      let dstStat;
      try {
        dstStat = await fs18.lstat(dstpath, { bigint: true });
      } catch {
      }
      let srcStat;
      try {
        srcStat = await fs18.lstat(srcpath, { bigint: true });
      } catch (err) {
        err.message = err.message.replace("lstat", "ensureLink");
        throw err;
      }
      if (dstStat && areIdentical(srcStat, dstStat)) return;
      const dir = path22.dirname(dstpath);
      const dirExists = await pathExists(dir);
      if (!dirExists) {
        await mkdir.mkdirs(dir);
      }
      await fs18.link(srcpath, dstpath);
    }
    function createLinkSync(srcpath, dstpath) {
      let dstStat;
      try {
        dstStat = fs18.lstatSync(dstpath, { bigint: true });
      } catch {
      }
      try {
        const srcStat = fs18.lstatSync(srcpath, { bigint: true });
        if (dstStat && areIdentical(srcStat, dstStat)) return;
      } catch (err) {
        err.message = err.message.replace("lstat", "ensureLink");
        throw err;
      }
      const dir = path22.dirname(dstpath);
      const dirExists = fs18.existsSync(dir);
      if (dirExists) return fs18.linkSync(srcpath, dstpath);
      mkdir.mkdirsSync(dir);
      return fs18.linkSync(srcpath, dstpath);
    }
    module2.exports = {
      createLink: u(createLink),
      createLinkSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/symlink-paths.js
var require_symlink_paths = __commonJS({
  "node_modules/fs-extra/lib/ensure/symlink-paths.js"(exports2, module2) {
    "use strict";
    var path22 = require("path");
    var fs18 = require_fs();
    var { pathExists } = require_path_exists();
    var u = require_universalify().fromPromise;
    async function symlinkPaths(srcpath, dstpath) {
      if (path22.isAbsolute(srcpath)) {
        try {
          await fs18.lstat(srcpath);
        } catch (err) {
          err.message = err.message.replace("lstat", "ensureSymlink");
          throw err;
        }
        return {
          toCwd: srcpath,
          toDst: srcpath
        };
      }
      const dstdir = path22.dirname(dstpath);
      const relativeToDst = path22.join(dstdir, srcpath);
      const exists2 = await pathExists(relativeToDst);
      if (exists2) {
        return {
          toCwd: relativeToDst,
          toDst: srcpath
        };
      }
      try {
        await fs18.lstat(srcpath);
      } catch (err) {
        err.message = err.message.replace("lstat", "ensureSymlink");
        throw err;
      }
      return {
        toCwd: srcpath,
        toDst: path22.relative(dstdir, srcpath)
      };
    }
    function symlinkPathsSync(srcpath, dstpath) {
      if (path22.isAbsolute(srcpath)) {
        const exists3 = fs18.existsSync(srcpath);
        if (!exists3) throw new Error("absolute srcpath does not exist");
        return {
          toCwd: srcpath,
          toDst: srcpath
        };
      }
      const dstdir = path22.dirname(dstpath);
      const relativeToDst = path22.join(dstdir, srcpath);
      const exists2 = fs18.existsSync(relativeToDst);
      if (exists2) {
        return {
          toCwd: relativeToDst,
          toDst: srcpath
        };
      }
      const srcExists = fs18.existsSync(srcpath);
      if (!srcExists) throw new Error("relative srcpath does not exist");
      return {
        toCwd: srcpath,
        toDst: path22.relative(dstdir, srcpath)
      };
    }
    module2.exports = {
      symlinkPaths: u(symlinkPaths),
      symlinkPathsSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/symlink-type.js
var require_symlink_type = __commonJS({
  "node_modules/fs-extra/lib/ensure/symlink-type.js"(exports2, module2) {
    "use strict";
    var fs18 = require_fs();
    var u = require_universalify().fromPromise;
    async function symlinkType(srcpath, type) {
      if (type) return type;
      let stats;
      try {
        stats = await fs18.lstat(srcpath);
      } catch {
        return "file";
      }
      return stats && stats.isDirectory() ? "dir" : "file";
    }
    function symlinkTypeSync(srcpath, type) {
      if (type) return type;
      let stats;
      try {
        stats = fs18.lstatSync(srcpath);
      } catch {
        return "file";
      }
      return stats && stats.isDirectory() ? "dir" : "file";
    }
    module2.exports = {
      symlinkType: u(symlinkType),
      symlinkTypeSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/symlink.js
var require_symlink = __commonJS({
  "node_modules/fs-extra/lib/ensure/symlink.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    var path22 = require("path");
    var fs18 = require_fs();
    var { mkdirs, mkdirsSync } = require_mkdirs();
    var { symlinkPaths, symlinkPathsSync } = require_symlink_paths();
    var { symlinkType, symlinkTypeSync } = require_symlink_type();
    var { pathExists } = require_path_exists();
    var { areIdentical } = require_stat();
    async function createSymlink(srcpath, dstpath, type) {
      let stats;
      try {
        stats = await fs18.lstat(dstpath);
      } catch {
      }
      if (stats && stats.isSymbolicLink()) {
        let srcStat;
        if (path22.isAbsolute(srcpath)) {
          srcStat = await fs18.stat(srcpath, { bigint: true });
        } else {
          const dstdir = path22.dirname(dstpath);
          const relativeToDst = path22.join(dstdir, srcpath);
          try {
            srcStat = await fs18.stat(relativeToDst, { bigint: true });
          } catch {
            srcStat = await fs18.stat(srcpath, { bigint: true });
          }
        }
        let dstStat;
        try {
          dstStat = await fs18.stat(dstpath, { bigint: true });
        } catch (err) {
          if (err.code !== "ENOENT") throw err;
        }
        if (dstStat && areIdentical(srcStat, dstStat)) return;
      }
      const relative2 = await symlinkPaths(srcpath, dstpath);
      srcpath = relative2.toDst;
      const toType = await symlinkType(relative2.toCwd, type);
      const dir = path22.dirname(dstpath);
      if (!await pathExists(dir)) {
        await mkdirs(dir);
      }
      return fs18.symlink(srcpath, dstpath, toType);
    }
    function createSymlinkSync(srcpath, dstpath, type) {
      let stats;
      try {
        stats = fs18.lstatSync(dstpath);
      } catch {
      }
      if (stats && stats.isSymbolicLink()) {
        let srcStat;
        if (path22.isAbsolute(srcpath)) {
          srcStat = fs18.statSync(srcpath, { bigint: true });
        } else {
          const dstdir = path22.dirname(dstpath);
          const relativeToDst = path22.join(dstdir, srcpath);
          try {
            srcStat = fs18.statSync(relativeToDst, { bigint: true });
          } catch {
            srcStat = fs18.statSync(srcpath, { bigint: true });
          }
        }
        let dstStat;
        try {
          dstStat = fs18.statSync(dstpath, { bigint: true });
        } catch (err) {
          if (err.code !== "ENOENT") throw err;
        }
        if (dstStat && areIdentical(srcStat, dstStat)) return;
      }
      const relative2 = symlinkPathsSync(srcpath, dstpath);
      srcpath = relative2.toDst;
      type = symlinkTypeSync(relative2.toCwd, type);
      const dir = path22.dirname(dstpath);
      const exists2 = fs18.existsSync(dir);
      if (exists2) return fs18.symlinkSync(srcpath, dstpath, type);
      mkdirsSync(dir);
      return fs18.symlinkSync(srcpath, dstpath, type);
    }
    module2.exports = {
      createSymlink: u(createSymlink),
      createSymlinkSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/index.js
var require_ensure = __commonJS({
  "node_modules/fs-extra/lib/ensure/index.js"(exports2, module2) {
    "use strict";
    var { createFile, createFileSync } = require_file();
    var { createLink, createLinkSync } = require_link();
    var { createSymlink, createSymlinkSync } = require_symlink();
    module2.exports = {
      // file
      createFile,
      createFileSync,
      ensureFile: createFile,
      ensureFileSync: createFileSync,
      // link
      createLink,
      createLinkSync,
      ensureLink: createLink,
      ensureLinkSync: createLinkSync,
      // symlink
      createSymlink,
      createSymlinkSync,
      ensureSymlink: createSymlink,
      ensureSymlinkSync: createSymlinkSync
    };
  }
});

// node_modules/jsonfile/utils.js
var require_utils2 = __commonJS({
  "node_modules/jsonfile/utils.js"(exports2, module2) {
    function stringify(obj, { EOL = "\n", finalEOL = true, replacer = null, spaces } = {}) {
      const EOF = finalEOL ? EOL : "";
      const str = JSON.stringify(obj, replacer, spaces);
      if (str === void 0) {
        throw new TypeError(`Converting ${typeof obj} value to JSON is not supported`);
      }
      return str.replace(/\n/g, EOL) + EOF;
    }
    function stripBom(content) {
      if (Buffer.isBuffer(content)) content = content.toString("utf8");
      return content.replace(/^\uFEFF/, "");
    }
    module2.exports = { stringify, stripBom };
  }
});

// node_modules/jsonfile/index.js
var require_jsonfile = __commonJS({
  "node_modules/jsonfile/index.js"(exports2, module2) {
    var _fs;
    try {
      _fs = require_graceful_fs();
    } catch (_) {
      _fs = require("fs");
    }
    var universalify = require_universalify();
    var { stringify, stripBom } = require_utils2();
    async function _readFile(file, options = {}) {
      if (typeof options === "string") {
        options = { encoding: options };
      }
      const fs18 = options.fs || _fs;
      const shouldThrow = "throws" in options ? options.throws : true;
      let data = await universalify.fromCallback(fs18.readFile)(file, options);
      data = stripBom(data);
      let obj;
      try {
        obj = JSON.parse(data, options ? options.reviver : null);
      } catch (err) {
        if (shouldThrow) {
          err.message = `${file}: ${err.message}`;
          throw err;
        } else {
          return null;
        }
      }
      return obj;
    }
    var readFile = universalify.fromPromise(_readFile);
    function readFileSync2(file, options = {}) {
      if (typeof options === "string") {
        options = { encoding: options };
      }
      const fs18 = options.fs || _fs;
      const shouldThrow = "throws" in options ? options.throws : true;
      try {
        let content = fs18.readFileSync(file, options);
        content = stripBom(content);
        return JSON.parse(content, options.reviver);
      } catch (err) {
        if (shouldThrow) {
          err.message = `${file}: ${err.message}`;
          throw err;
        } else {
          return null;
        }
      }
    }
    async function _writeFile(file, obj, options = {}) {
      const fs18 = options.fs || _fs;
      const str = stringify(obj, options);
      await universalify.fromCallback(fs18.writeFile)(file, str, options);
    }
    var writeFile = universalify.fromPromise(_writeFile);
    function writeFileSync(file, obj, options = {}) {
      const fs18 = options.fs || _fs;
      const str = stringify(obj, options);
      return fs18.writeFileSync(file, str, options);
    }
    module2.exports = {
      readFile,
      readFileSync: readFileSync2,
      writeFile,
      writeFileSync
    };
  }
});

// node_modules/fs-extra/lib/json/jsonfile.js
var require_jsonfile2 = __commonJS({
  "node_modules/fs-extra/lib/json/jsonfile.js"(exports2, module2) {
    "use strict";
    var jsonFile = require_jsonfile();
    module2.exports = {
      // jsonfile exports
      readJson: jsonFile.readFile,
      readJsonSync: jsonFile.readFileSync,
      writeJson: jsonFile.writeFile,
      writeJsonSync: jsonFile.writeFileSync
    };
  }
});

// node_modules/fs-extra/lib/output-file/index.js
var require_output_file = __commonJS({
  "node_modules/fs-extra/lib/output-file/index.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    var fs18 = require_fs();
    var path22 = require("path");
    var mkdir = require_mkdirs();
    var pathExists = require_path_exists().pathExists;
    async function outputFile(file, data, encoding = "utf-8") {
      const dir = path22.dirname(file);
      if (!await pathExists(dir)) {
        await mkdir.mkdirs(dir);
      }
      return fs18.writeFile(file, data, encoding);
    }
    function outputFileSync(file, ...args) {
      const dir = path22.dirname(file);
      if (!fs18.existsSync(dir)) {
        mkdir.mkdirsSync(dir);
      }
      fs18.writeFileSync(file, ...args);
    }
    module2.exports = {
      outputFile: u(outputFile),
      outputFileSync
    };
  }
});

// node_modules/fs-extra/lib/json/output-json.js
var require_output_json = __commonJS({
  "node_modules/fs-extra/lib/json/output-json.js"(exports2, module2) {
    "use strict";
    var { stringify } = require_utils2();
    var { outputFile } = require_output_file();
    async function outputJson(file, data, options = {}) {
      const str = stringify(data, options);
      await outputFile(file, str, options);
    }
    module2.exports = outputJson;
  }
});

// node_modules/fs-extra/lib/json/output-json-sync.js
var require_output_json_sync = __commonJS({
  "node_modules/fs-extra/lib/json/output-json-sync.js"(exports2, module2) {
    "use strict";
    var { stringify } = require_utils2();
    var { outputFileSync } = require_output_file();
    function outputJsonSync(file, data, options) {
      const str = stringify(data, options);
      outputFileSync(file, str, options);
    }
    module2.exports = outputJsonSync;
  }
});

// node_modules/fs-extra/lib/json/index.js
var require_json = __commonJS({
  "node_modules/fs-extra/lib/json/index.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    var jsonFile = require_jsonfile2();
    jsonFile.outputJson = u(require_output_json());
    jsonFile.outputJsonSync = require_output_json_sync();
    jsonFile.outputJSON = jsonFile.outputJson;
    jsonFile.outputJSONSync = jsonFile.outputJsonSync;
    jsonFile.writeJSON = jsonFile.writeJson;
    jsonFile.writeJSONSync = jsonFile.writeJsonSync;
    jsonFile.readJSON = jsonFile.readJson;
    jsonFile.readJSONSync = jsonFile.readJsonSync;
    module2.exports = jsonFile;
  }
});

// node_modules/fs-extra/lib/move/move.js
var require_move = __commonJS({
  "node_modules/fs-extra/lib/move/move.js"(exports2, module2) {
    "use strict";
    var fs18 = require_fs();
    var path22 = require("path");
    var { copy } = require_copy2();
    var { remove } = require_remove();
    var { mkdirp } = require_mkdirs();
    var { pathExists } = require_path_exists();
    var stat = require_stat();
    async function move(src, dest, opts = {}) {
      const overwrite = opts.overwrite || opts.clobber || false;
      const { srcStat, isChangingCase = false } = await stat.checkPaths(src, dest, "move", opts);
      await stat.checkParentPaths(src, srcStat, dest, "move");
      const destParent = path22.dirname(dest);
      const parsedParentPath = path22.parse(destParent);
      if (parsedParentPath.root !== destParent) {
        await mkdirp(destParent);
      }
      return doRename(src, dest, overwrite, isChangingCase);
    }
    async function doRename(src, dest, overwrite, isChangingCase) {
      if (!isChangingCase) {
        if (overwrite) {
          await remove(dest);
        } else if (await pathExists(dest)) {
          throw new Error("dest already exists.");
        }
      }
      try {
        await fs18.rename(src, dest);
      } catch (err) {
        if (err.code !== "EXDEV") {
          throw err;
        }
        await moveAcrossDevice(src, dest, overwrite);
      }
    }
    async function moveAcrossDevice(src, dest, overwrite) {
      const opts = {
        overwrite,
        errorOnExist: true,
        preserveTimestamps: true
      };
      await copy(src, dest, opts);
      return remove(src);
    }
    module2.exports = move;
  }
});

// node_modules/fs-extra/lib/move/move-sync.js
var require_move_sync = __commonJS({
  "node_modules/fs-extra/lib/move/move-sync.js"(exports2, module2) {
    "use strict";
    var fs18 = require_graceful_fs();
    var path22 = require("path");
    var copySync = require_copy2().copySync;
    var removeSync = require_remove().removeSync;
    var mkdirpSync = require_mkdirs().mkdirpSync;
    var stat = require_stat();
    function moveSync(src, dest, opts) {
      opts = opts || {};
      const overwrite = opts.overwrite || opts.clobber || false;
      const { srcStat, isChangingCase = false } = stat.checkPathsSync(src, dest, "move", opts);
      stat.checkParentPathsSync(src, srcStat, dest, "move");
      if (!isParentRoot(dest)) mkdirpSync(path22.dirname(dest));
      return doRename(src, dest, overwrite, isChangingCase);
    }
    function isParentRoot(dest) {
      const parent = path22.dirname(dest);
      const parsedPath = path22.parse(parent);
      return parsedPath.root === parent;
    }
    function doRename(src, dest, overwrite, isChangingCase) {
      if (isChangingCase) return rename(src, dest, overwrite);
      if (overwrite) {
        removeSync(dest);
        return rename(src, dest, overwrite);
      }
      if (fs18.existsSync(dest)) throw new Error("dest already exists.");
      return rename(src, dest, overwrite);
    }
    function rename(src, dest, overwrite) {
      try {
        fs18.renameSync(src, dest);
      } catch (err) {
        if (err.code !== "EXDEV") throw err;
        return moveAcrossDevice(src, dest, overwrite);
      }
    }
    function moveAcrossDevice(src, dest, overwrite) {
      const opts = {
        overwrite,
        errorOnExist: true,
        preserveTimestamps: true
      };
      copySync(src, dest, opts);
      return removeSync(src);
    }
    module2.exports = moveSync;
  }
});

// node_modules/fs-extra/lib/move/index.js
var require_move2 = __commonJS({
  "node_modules/fs-extra/lib/move/index.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    module2.exports = {
      move: u(require_move()),
      moveSync: require_move_sync()
    };
  }
});

// node_modules/fs-extra/lib/index.js
var require_lib = __commonJS({
  "node_modules/fs-extra/lib/index.js"(exports2, module2) {
    "use strict";
    module2.exports = {
      // Export promiseified graceful-fs:
      ...require_fs(),
      // Export extra methods:
      ...require_copy2(),
      ...require_empty(),
      ...require_ensure(),
      ...require_json(),
      ...require_mkdirs(),
      ...require_move2(),
      ...require_output_file(),
      ...require_path_exists(),
      ...require_remove()
    };
  }
});

// node_modules/node-sarif-builder/dist/lib/languages.js
var require_languages = __commonJS({
  "node_modules/node-sarif-builder/dist/lib/languages.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.EXTENSIONS_LANGUAGES = void 0;
    exports2.EXTENSIONS_LANGUAGES = {
      1: "Groff",
      2: "Groff",
      3: "Groff",
      4: "Groff",
      5: "Groff",
      6: "Groff",
      7: "Groff",
      8: "Groff",
      9: "Groff",
      abap: "ABAP",
      asc: "Public Key",
      ash: "AGS Script",
      ampl: "AMPL",
      mod: "XML",
      g4: "ANTLR",
      apib: "API Blueprint",
      apl: "APL",
      dyalog: "APL",
      asp: "ASP",
      asax: "ASP",
      ascx: "ASP",
      ashx: "ASP",
      asmx: "ASP",
      aspx: "ASP",
      axd: "ASP",
      dats: "ATS",
      hats: "ATS",
      sats: "ATS",
      as: "ActionScript",
      adb: "Ada",
      ada: "Ada",
      ads: "Ada",
      agda: "Agda",
      als: "Alloy",
      apacheconf: "ApacheConf",
      vhost: "Nginx",
      cls: "Visual Basic",
      applescript: "AppleScript",
      scpt: "AppleScript",
      arc: "Arc",
      ino: "Arduino",
      asciidoc: "AsciiDoc",
      adoc: "AsciiDoc",
      aj: "AspectJ",
      asm: "Assembly",
      a51: "Assembly",
      inc: "SourcePawn",
      nasm: "Assembly",
      aug: "Augeas",
      ahk: "AutoHotkey",
      ahkl: "AutoHotkey",
      au3: "AutoIt",
      awk: "Awk",
      auk: "Awk",
      gawk: "Awk",
      mawk: "Awk",
      nawk: "Awk",
      bat: "Batchfile",
      cmd: "Batchfile",
      befunge: "Befunge",
      bison: "Bison",
      bb: "BlitzBasic",
      decls: "BlitzBasic",
      bmx: "BlitzMax",
      bsv: "Bluespec",
      boo: "Boo",
      b: "Limbo",
      bf: "HyPhy",
      brs: "Brightscript",
      bro: "Bro",
      c: "C",
      cats: "C",
      h: "Objective-C",
      idc: "C",
      w: "C",
      cs: "Smalltalk",
      cake: "CoffeeScript",
      cshtml: "C#",
      csx: "C#",
      cpp: "C++",
      "c++": "C++",
      cc: "C++",
      cp: "Component Pascal",
      cxx: "C++",
      "h++": "C++",
      hh: "Hack",
      hpp: "C++",
      hxx: "C++",
      inl: "C++",
      ipp: "C++",
      tcc: "C++",
      tpp: "C++",
      "c-objdump": "C-ObjDump",
      chs: "C2hs Haskell",
      clp: "CLIPS",
      cmake: "CMake",
      "cmake.in": "CMake",
      cob: "COBOL",
      cbl: "COBOL",
      ccp: "COBOL",
      cobol: "COBOL",
      cpy: "COBOL",
      css: "CSS",
      csv: "CSV",
      capnp: "Cap'n Proto",
      mss: "CartoCSS",
      ceylon: "Ceylon",
      chpl: "Chapel",
      ch: "xBase",
      ck: "ChucK",
      cirru: "Cirru",
      clw: "Clarion",
      icl: "Clean",
      dcl: "Clean",
      click: "Click",
      clj: "Clojure",
      boot: "Clojure",
      cl2: "Clojure",
      cljc: "Clojure",
      cljs: "Clojure",
      "cljs.hl": "Clojure",
      cljscm: "Clojure",
      cljx: "Clojure",
      hic: "Clojure",
      coffee: "CoffeeScript",
      _coffee: "CoffeeScript",
      cjsx: "CoffeeScript",
      cson: "CoffeeScript",
      iced: "CoffeeScript",
      cfm: "ColdFusion",
      cfml: "ColdFusion",
      cfc: "ColdFusion CFC",
      lisp: "NewLisp",
      asd: "Common Lisp",
      cl: "OpenCL",
      l: "PicoLisp",
      lsp: "NewLisp",
      ny: "Common Lisp",
      podsl: "Common Lisp",
      sexp: "Common Lisp",
      cps: "Component Pascal",
      coq: "Coq",
      v: "Verilog",
      cppobjdump: "Cpp-ObjDump",
      "c++-objdump": "Cpp-ObjDump",
      "c++objdump": "Cpp-ObjDump",
      "cpp-objdump": "Cpp-ObjDump",
      "cxx-objdump": "Cpp-ObjDump",
      creole: "Creole",
      cr: "Crystal",
      feature: "Cucumber",
      cu: "Cuda",
      cuh: "Cuda",
      cy: "Cycript",
      pyx: "Cython",
      pxd: "Cython",
      pxi: "Cython",
      d: "Makefile",
      di: "D",
      "d-objdump": "D-ObjDump",
      com: "DIGITAL Command Language",
      dm: "DM",
      zone: "DNS Zone",
      arpa: "DNS Zone",
      darcspatch: "Darcs Patch",
      dpatch: "Darcs Patch",
      dart: "Dart",
      diff: "Diff",
      patch: "Diff",
      dockerfile: "Dockerfile",
      djs: "Dogescript",
      dylan: "Dylan",
      dyl: "Dylan",
      intr: "Dylan",
      lid: "Dylan",
      E: "E",
      ecl: "ECLiPSe",
      eclxml: "ECL",
      sch: "KiCad",
      brd: "KiCad",
      epj: "Ecere Projects",
      e: "Eiffel",
      ex: "Elixir",
      exs: "Elixir",
      elm: "Elm",
      el: "Emacs Lisp",
      emacs: "Emacs Lisp",
      "emacs.desktop": "Emacs Lisp",
      em: "EmberScript",
      emberscript: "EmberScript",
      erl: "Erlang",
      es: "JavaScript",
      escript: "Erlang",
      hrl: "Erlang",
      xrl: "Erlang",
      yrl: "Erlang",
      fs: "GLSL",
      fsi: "F#",
      fsx: "F#",
      fx: "HLSL",
      flux: "FLUX",
      f90: "FORTRAN",
      f: "Forth",
      f03: "FORTRAN",
      f08: "FORTRAN",
      f77: "FORTRAN",
      f95: "FORTRAN",
      for: "Forth",
      fpp: "FORTRAN",
      factor: "Factor",
      fy: "Fancy",
      fancypack: "Fancy",
      fan: "Fantom",
      "eam.fs": "Formatted",
      fth: "Forth",
      "4th": "Forth",
      forth: "Forth",
      fr: "Text",
      frt: "Forth",
      ftl: "FreeMarker",
      g: "GAP",
      gco: "G-code",
      gcode: "G-code",
      gms: "GAMS",
      gap: "GAP",
      gd: "GDScript",
      gi: "GAP",
      tst: "Scilab",
      s: "GAS",
      ms: "MAXScript",
      glsl: "GLSL",
      fp: "GLSL",
      frag: "JavaScript",
      frg: "GLSL",
      fsh: "GLSL",
      fshader: "GLSL",
      geo: "GLSL",
      geom: "GLSL",
      glslv: "GLSL",
      gshader: "GLSL",
      shader: "GLSL",
      vert: "GLSL",
      vrx: "GLSL",
      vsh: "GLSL",
      vshader: "GLSL",
      gml: "XML",
      kid: "Genshi",
      ebuild: "Gentoo Ebuild",
      eclass: "Gentoo Eclass",
      po: "Gettext Catalog",
      pot: "Gettext Catalog",
      glf: "Glyph",
      gp: "Gnuplot",
      gnu: "Gnuplot",
      gnuplot: "Gnuplot",
      plot: "Gnuplot",
      plt: "Gnuplot",
      go: "Go",
      golo: "Golo",
      gs: "JavaScript",
      gst: "Gosu",
      gsx: "Gosu",
      vark: "Gosu",
      grace: "Grace",
      gradle: "Gradle",
      gf: "Grammatical Framework",
      graphql: "GraphQL",
      dot: "Graphviz (DOT)",
      gv: "Graphviz (DOT)",
      man: "Groff",
      "1in": "Groff",
      "1m": "Groff",
      "1x": "Groff",
      "3in": "Groff",
      "3m": "Groff",
      "3qt": "Groff",
      "3x": "Groff",
      me: "Groff",
      n: "Nemerle",
      rno: "Groff",
      roff: "Groff",
      groovy: "Groovy",
      grt: "Groovy",
      gtpl: "Groovy",
      gvy: "Groovy",
      gsp: "Groovy Server Pages",
      hcl: "HCL",
      tf: "HCL",
      hlsl: "HLSL",
      fxh: "HLSL",
      hlsli: "HLSL",
      html: "HTML",
      htm: "HTML",
      "html.hl": "HTML",
      st: "Smalltalk",
      xht: "HTML",
      xhtml: "HTML",
      mustache: "HTML+Django",
      jinja: "HTML+Django",
      eex: "HTML+EEX",
      erb: "HTML+ERB",
      "erb.deface": "HTML+ERB",
      phtml: "HTML+PHP",
      http: "HTTP",
      php: "PHP",
      haml: "Haml",
      "haml.deface": "Haml",
      handlebars: "Handlebars",
      hbs: "Handlebars",
      hb: "Harbour",
      hs: "Haskell",
      hsc: "Haskell",
      hx: "Haxe",
      hxsl: "Haxe",
      hy: "Hy",
      pro: "QMake",
      dlm: "IDL",
      ipf: "IGOR Pro",
      ini: "INI",
      cfg: "INI",
      prefs: "INI",
      properties: "INI",
      irclog: "IRC log",
      weechatlog: "IRC log",
      idr: "Idris",
      lidr: "Idris",
      ni: "Inform 7",
      i7x: "Inform 7",
      iss: "Inno Setup",
      io: "Io",
      ik: "Ioke",
      thy: "Isabelle",
      ijs: "J",
      flex: "JFlex",
      jflex: "JFlex",
      json: "JSON",
      geojson: "JSON",
      lock: "JSON",
      topojson: "JSON",
      json5: "JSON5",
      jsonld: "JSONLD",
      jq: "JSONiq",
      jsx: "JSX",
      jade: "Jade",
      j: "Objective-J",
      java: "Java",
      jsp: "Java Server Pages",
      js: "JavaScript",
      _js: "JavaScript",
      bones: "JavaScript",
      es6: "JavaScript",
      jake: "JavaScript",
      jsb: "JavaScript",
      jscad: "JavaScript",
      jsfl: "JavaScript",
      jsm: "JavaScript",
      jss: "JavaScript",
      njs: "JavaScript",
      pac: "JavaScript",
      sjs: "JavaScript",
      ssjs: "JavaScript",
      "sublime-build": "JavaScript",
      "sublime-commands": "JavaScript",
      "sublime-completions": "JavaScript",
      "sublime-keymap": "JavaScript",
      "sublime-macro": "JavaScript",
      "sublime-menu": "JavaScript",
      "sublime-mousemap": "JavaScript",
      "sublime-project": "JavaScript",
      "sublime-settings": "JavaScript",
      "sublime-theme": "JavaScript",
      "sublime-workspace": "JavaScript",
      sublime_metrics: "JavaScript",
      sublime_session: "JavaScript",
      xsjs: "JavaScript",
      xsjslib: "JavaScript",
      jl: "Julia",
      ipynb: "Jupyter Notebook",
      krl: "KRL",
      kicad_pcb: "KiCad",
      kit: "Kit",
      kt: "Kotlin",
      ktm: "Kotlin",
      kts: "Kotlin",
      lfe: "LFE",
      ll: "LLVM",
      lol: "LOLCODE",
      lsl: "LSL",
      lslp: "LSL",
      lvproj: "LabVIEW",
      lasso: "Lasso",
      las: "Lasso",
      lasso8: "Lasso",
      lasso9: "Lasso",
      ldml: "Lasso",
      latte: "Latte",
      lean: "Lean",
      hlean: "Lean",
      less: "Less",
      lex: "Lex",
      ly: "LilyPond",
      ily: "LilyPond",
      m: "Objective-C",
      ld: "Linker Script",
      lds: "Linker Script",
      liquid: "Liquid",
      lagda: "Literate Agda",
      litcoffee: "Literate CoffeeScript",
      lhs: "Literate Haskell",
      ls: "LoomScript",
      _ls: "LiveScript",
      xm: "Logos",
      x: "Logos",
      xi: "Logos",
      lgt: "Logtalk",
      logtalk: "Logtalk",
      lookml: "LookML",
      lua: "Lua",
      fcgi: "Shell",
      nse: "Lua",
      pd_lua: "Lua",
      rbxs: "Lua",
      wlua: "Lua",
      mumps: "M",
      m4: "M4Sugar",
      mcr: "MAXScript",
      mtml: "MTML",
      muf: "MUF",
      mak: "Makefile",
      mk: "Makefile",
      mkfile: "Makefile",
      mako: "Mako",
      mao: "Mako",
      md: "Markdown",
      markdown: "Markdown",
      mkd: "Markdown",
      mkdn: "Markdown",
      mkdown: "Markdown",
      ron: "Markdown",
      mask: "Mask",
      mathematica: "Mathematica",
      cdf: "Mathematica",
      ma: "Mathematica",
      mt: "Mathematica",
      nb: "Text",
      nbp: "Mathematica",
      wl: "Mathematica",
      wlt: "Mathematica",
      matlab: "Matlab",
      maxpat: "Max",
      maxhelp: "Max",
      maxproj: "Max",
      mxt: "Max",
      pat: "Max",
      mediawiki: "MediaWiki",
      wiki: "MediaWiki",
      moo: "Moocode",
      metal: "Metal",
      minid: "MiniD",
      druby: "Mirah",
      duby: "Mirah",
      mir: "Mirah",
      mirah: "Mirah",
      mo: "Modelica",
      mms: "Module Management System",
      mmk: "Module Management System",
      monkey: "Monkey",
      moon: "MoonScript",
      myt: "Myghty",
      ncl: "Text",
      nl: "NewLisp",
      nsi: "NSIS",
      nsh: "NSIS",
      axs: "NetLinx",
      axi: "NetLinx",
      "axs.erb": "NetLinx+ERB",
      "axi.erb": "NetLinx+ERB",
      nlogo: "NetLogo",
      nginxconf: "Nginx",
      nim: "Nimrod",
      nimrod: "Nimrod",
      ninja: "Ninja",
      nit: "Nit",
      nix: "Nix",
      nu: "Nu",
      numpy: "NumPy",
      numpyw: "NumPy",
      numsc: "NumPy",
      ml: "OCaml",
      eliom: "OCaml",
      eliomi: "OCaml",
      ml4: "OCaml",
      mli: "OCaml",
      mll: "OCaml",
      mly: "OCaml",
      objdump: "ObjDump",
      mm: "XML",
      sj: "Objective-J",
      omgrofl: "Omgrofl",
      opa: "Opa",
      opal: "Opal",
      opencl: "OpenCL",
      p: "OpenEdge ABL",
      scad: "OpenSCAD",
      org: "Org",
      ox: "Ox",
      oxh: "Ox",
      oxo: "Ox",
      oxygene: "Oxygene",
      oz: "Oz",
      pwn: "PAWN",
      aw: "PHP",
      ctp: "PHP",
      php3: "PHP",
      php4: "PHP",
      php5: "PHP",
      phps: "PHP",
      phpt: "PHP",
      pls: "PLSQL",
      pck: "PLSQL",
      pkb: "PLSQL",
      pks: "PLSQL",
      plb: "PLSQL",
      plsql: "PLSQL",
      sql: "SQLPL",
      pov: "POV-Ray SDL",
      pan: "Pan",
      psc: "Papyrus",
      parrot: "Parrot",
      pasm: "Parrot Assembly",
      pir: "Parrot Internal Representation",
      pas: "Pascal",
      dfm: "Pascal",
      dpr: "Pascal",
      lpr: "Pascal",
      pp: "Puppet",
      pl: "Prolog",
      al: "Perl",
      cgi: "Shell",
      perl: "Perl",
      ph: "Perl",
      plx: "Perl",
      pm: "Perl6",
      pod: "Pod",
      psgi: "Perl",
      t: "Turing",
      "6pl": "Perl6",
      "6pm": "Perl6",
      nqp: "Perl6",
      p6: "Perl6",
      p6l: "Perl6",
      p6m: "Perl6",
      pl6: "Perl6",
      pm6: "Perl6",
      pkl: "Pickle",
      pig: "PigLatin",
      pike: "Pike",
      pmod: "Pike",
      pogo: "PogoScript",
      pony: "Pony",
      ps: "PostScript",
      eps: "PostScript",
      ps1: "PowerShell",
      psd1: "PowerShell",
      psm1: "PowerShell",
      pde: "Processing",
      prolog: "Prolog",
      yap: "Prolog",
      spin: "Propeller Spin",
      proto: "Protocol Buffer",
      pub: "Public Key",
      pd: "Pure Data",
      pb: "PureBasic",
      pbi: "PureBasic",
      purs: "PureScript",
      py: "Python",
      bzl: "Python",
      gyp: "Python",
      lmi: "Python",
      pyde: "Python",
      pyp: "Python",
      pyt: "Python",
      pyw: "Python",
      rpy: "Ren'Py",
      tac: "Python",
      wsgi: "Python",
      xpy: "Python",
      pytb: "Python traceback",
      qml: "QML",
      qbs: "QML",
      pri: "QMake",
      r: "Rebol",
      rd: "R",
      rsx: "R",
      raml: "RAML",
      rdoc: "RDoc",
      rbbas: "REALbasic",
      rbfrm: "REALbasic",
      rbmnu: "REALbasic",
      rbres: "REALbasic",
      rbtbar: "REALbasic",
      rbuistate: "REALbasic",
      rhtml: "RHTML",
      rmd: "RMarkdown",
      rkt: "Racket",
      rktd: "Racket",
      rktl: "Racket",
      scrbl: "Racket",
      rl: "Ragel in Ruby Host",
      raw: "Raw token data",
      reb: "Rebol",
      r2: "Rebol",
      r3: "Rebol",
      rebol: "Rebol",
      red: "Red",
      reds: "Red",
      cw: "Redcode",
      rs: "Rust",
      rsh: "RenderScript",
      robot: "RobotFramework",
      rg: "Rouge",
      rb: "Ruby",
      builder: "Ruby",
      gemspec: "Ruby",
      god: "Ruby",
      irbrc: "Ruby",
      jbuilder: "Ruby",
      mspec: "Ruby",
      pluginspec: "XML",
      podspec: "Ruby",
      rabl: "Ruby",
      rake: "Ruby",
      rbuild: "Ruby",
      rbw: "Ruby",
      rbx: "Ruby",
      ru: "Ruby",
      ruby: "Ruby",
      thor: "Ruby",
      watchr: "Ruby",
      "rs.in": "Rust",
      sas: "SAS",
      scss: "SCSS",
      smt2: "SMT",
      smt: "SMT",
      sparql: "SPARQL",
      rq: "SPARQL",
      sqf: "SQF",
      hqf: "SQF",
      cql: "SQL",
      ddl: "SQL",
      prc: "SQL",
      tab: "SQL",
      udf: "SQL",
      viw: "SQL",
      db2: "SQLPL",
      ston: "STON",
      svg: "SVG",
      sage: "Sage",
      sagews: "Sage",
      sls: "Scheme",
      sass: "Sass",
      scala: "Scala",
      sbt: "Scala",
      sc: "SuperCollider",
      scaml: "Scaml",
      scm: "Scheme",
      sld: "Scheme",
      sps: "Scheme",
      ss: "Scheme",
      sci: "Scilab",
      sce: "Scilab",
      self: "Self",
      sh: "Shell",
      bash: "Shell",
      bats: "Shell",
      command: "Shell",
      ksh: "Shell",
      "sh.in": "Shell",
      tmux: "Shell",
      tool: "Shell",
      zsh: "Shell",
      "sh-session": "ShellSession",
      shen: "Shen",
      sl: "Slash",
      slim: "Slim",
      smali: "Smali",
      tpl: "Smarty",
      sp: "SourcePawn",
      sma: "SourcePawn",
      nut: "Squirrel",
      stan: "Stan",
      ML: "Standard ML",
      fun: "Standard ML",
      sig: "Standard ML",
      sml: "Standard ML",
      do: "Stata",
      ado: "Stata",
      doh: "Stata",
      ihlp: "Stata",
      mata: "Stata",
      matah: "Stata",
      sthlp: "Stata",
      styl: "Stylus",
      scd: "SuperCollider",
      swift: "Swift",
      sv: "SystemVerilog",
      svh: "SystemVerilog",
      vh: "SystemVerilog",
      toml: "TOML",
      txl: "TXL",
      tcl: "Tcl",
      adp: "Tcl",
      tm: "Tcl",
      tcsh: "Tcsh",
      csh: "Tcsh",
      tex: "TeX",
      aux: "TeX",
      bbx: "TeX",
      bib: "TeX",
      cbx: "TeX",
      dtx: "TeX",
      ins: "TeX",
      lbx: "TeX",
      ltx: "TeX",
      mkii: "TeX",
      mkiv: "TeX",
      mkvi: "TeX",
      sty: "TeX",
      toc: "TeX",
      tea: "Tea",
      txt: "Text",
      no: "Text",
      textile: "Textile",
      thrift: "Thrift",
      tu: "Turing",
      ttl: "Turtle",
      twig: "Twig",
      ts: "TypeScript",
      tsx: "TypeScript",
      // tsx: JSX variant of TypeScript
      upc: "Unified Parallel C",
      anim: "Unity3D Asset",
      asset: "Unity3D Asset",
      mat: "Unity3D Asset",
      meta: "Unity3D Asset",
      prefab: "Unity3D Asset",
      unity: "Unity3D Asset",
      uno: "Uno",
      uc: "UnrealScript",
      ur: "UrWeb",
      urs: "UrWeb",
      vcl: "VCL",
      vhdl: "VHDL",
      vhd: "VHDL",
      vhf: "VHDL",
      vhi: "VHDL",
      vho: "VHDL",
      vhs: "VHDL",
      vht: "VHDL",
      vhw: "VHDL",
      vala: "Vala",
      vapi: "Vala",
      veo: "Verilog",
      vim: "VimL",
      vb: "Visual Basic",
      bas: "Visual Basic",
      frm: "Visual Basic",
      frx: "Visual Basic",
      vba: "Visual Basic",
      vbhtml: "Visual Basic",
      vbs: "Visual Basic",
      volt: "Volt",
      vue: "Vue",
      owl: "Web Ontology Language",
      webidl: "WebIDL",
      x10: "X10",
      xc: "XC",
      xml: "XML",
      ant: "XML",
      axml: "XML",
      ccxml: "XML",
      clixml: "XML",
      cproject: "XML",
      csl: "XML",
      csproj: "XML",
      ct: "XML",
      dita: "XML",
      ditamap: "XML",
      ditaval: "XML",
      "dll.config": "XML",
      dotsettings: "XML",
      filters: "XML",
      fsproj: "XML",
      fxml: "XML",
      glade: "XML",
      grxml: "XML",
      iml: "XML",
      ivy: "XML",
      jelly: "XML",
      jsproj: "XML",
      kml: "XML",
      launch: "XML",
      mdpolicy: "XML",
      mxml: "XML",
      nproj: "XML",
      nuspec: "XML",
      odd: "XML",
      osm: "XML",
      plist: "XML",
      props: "XML",
      ps1xml: "XML",
      psc1: "XML",
      pt: "XML",
      rdf: "XML",
      rss: "XML",
      scxml: "XML",
      srdf: "XML",
      storyboard: "XML",
      stTheme: "XML",
      "sublime-snippet": "XML",
      targets: "XML",
      tmCommand: "XML",
      tml: "XML",
      tmLanguage: "XML",
      tmPreferences: "XML",
      tmSnippet: "XML",
      tmTheme: "XML",
      ui: "XML",
      urdf: "XML",
      ux: "XML",
      vbproj: "XML",
      vcxproj: "XML",
      vssettings: "XML",
      vxml: "XML",
      wsdl: "XML",
      wsf: "XML",
      wxi: "XML",
      wxl: "XML",
      wxs: "XML",
      x3d: "XML",
      xacro: "XML",
      xaml: "XML",
      xib: "XML",
      xlf: "XML",
      xliff: "XML",
      xmi: "XML",
      "xml.dist": "XML",
      xproj: "XML",
      xsd: "XML",
      xul: "XML",
      zcml: "XML",
      "xsp-config": "XPages",
      "xsp.metadata": "XPages",
      xpl: "XProc",
      xproc: "XProc",
      xquery: "XQuery",
      xq: "XQuery",
      xql: "XQuery",
      xqm: "XQuery",
      xqy: "XQuery",
      xs: "XS",
      xslt: "XSLT",
      xsl: "XSLT",
      xojo_code: "Xojo",
      xojo_menu: "Xojo",
      xojo_report: "Xojo",
      xojo_script: "Xojo",
      xojo_toolbar: "Xojo",
      xojo_window: "Xojo",
      xtend: "Xtend",
      yml: "YAML",
      reek: "YAML",
      rviz: "YAML",
      "sublime-syntax": "YAML",
      syntax: "YAML",
      yaml: "YAML",
      "yaml-tmlanguage": "YAML",
      yang: "YANG",
      y: "Yacc",
      yacc: "Yacc",
      yy: "Yacc",
      zep: "Zephir",
      zimpl: "Zimpl",
      zmpl: "Zimpl",
      zpl: "Zimpl",
      desktop: "desktop",
      "desktop.in": "desktop",
      ec: "eC",
      eh: "eC",
      edn: "edn",
      fish: "fish",
      mu: "mupad",
      nc: "nesC",
      ooc: "ooc",
      rst: "reStructuredText",
      rest: "reStructuredText",
      "rest.txt": "reStructuredText",
      "rst.txt": "reStructuredText",
      wisp: "wisp",
      prg: "xBase",
      prw: "xBase"
    };
  }
});

// node_modules/node-sarif-builder/dist/lib/utils.js
var require_utils3 = __commonJS({
  "node_modules/node-sarif-builder/dist/lib/utils.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.setOptionValues = setOptionValues;
    function setOptionValues(options, object) {
      for (const key of Object.keys(options)) {
        if (options[key] !== void 0) {
          object[key] = options[key];
        }
      }
      return object;
    }
  }
});

// node_modules/node-sarif-builder/dist/lib/sarif-builder.js
var require_sarif_builder = __commonJS({
  "node_modules/node-sarif-builder/dist/lib/sarif-builder.js"(exports2) {
    "use strict";
    var __createBinding = exports2 && exports2.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports2 && exports2.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports2 && exports2.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.SarifBuilder = void 0;
    var fs18 = __importStar(require_lib());
    var languages_1 = require_languages();
    var utils_1 = require_utils3();
    var SarifBuilder2 = class {
      // Initialize SARIF Log builder
      constructor(options = {}) {
        this.log = {
          $schema: "http://json.schemastore.org/sarif-2.1.0.json",
          version: "2.1.0",
          runs: []
        };
        (0, utils_1.setOptionValues)(options, this.log);
      }
      addRun(sarifRunBuilder) {
        this.log.runs.push(sarifRunBuilder.run);
      }
      generateSarifFileSync(file) {
        const sarifJsonString = this.buildSarifJsonString();
        fs18.writeFileSync(file, sarifJsonString, "utf8");
      }
      async generateSarifFile(file) {
        const sarifJsonString = this.buildSarifJsonString();
        await fs18.writeFile(file, sarifJsonString, "utf8");
      }
      buildSarifOutput() {
        this.log.runs = this.log.runs.map((run2) => this.completeRunFields(run2));
        return this.log;
      }
      // Build final sarif json, complete when possible
      buildSarifJsonString(options = { indent: false }) {
        this.buildSarifOutput();
        const sarifJson = options.indent ? JSON.stringify(this.log, null, 2) : JSON.stringify(this.log);
        if (sarifJson.includes("SARIF_BUILDER_INVALID")) {
          throw new Error("Your SARIF log is invalid, please solve SARIF_BUILDER_INVALID messages");
        }
        return sarifJson;
      }
      completeRunFields(run2) {
        var _a, _b, _c, _d, _e, _f;
        run2.artifacts = run2.artifacts || [];
        const existingArtifactUris = new Set(run2.artifacts.map((a) => {
          var _a2;
          return (_a2 = a === null || a === void 0 ? void 0 : a.location) === null || _a2 === void 0 ? void 0 : _a2.uri;
        }).filter(Boolean));
        for (const result of run2.results || []) {
          for (const location of result.locations || []) {
            const uri = (_b = (_a = location === null || location === void 0 ? void 0 : location.physicalLocation) === null || _a === void 0 ? void 0 : _a.artifactLocation) === null || _b === void 0 ? void 0 : _b.uri;
            if (uri && !existingArtifactUris.has(uri)) {
              const lastDot = uri.lastIndexOf(".");
              const ext = lastDot !== -1 ? uri.slice(lastDot + 1) : "";
              const language = languages_1.EXTENSIONS_LANGUAGES[ext] || "unknown";
              run2.artifacts.push({
                sourceLanguage: language,
                location: { uri }
              });
              existingArtifactUris.add(uri);
            }
          }
        }
        const artifactIndexMap = /* @__PURE__ */ new Map();
        run2.artifacts.forEach((artifact, index) => {
          var _a2;
          const uri = (_a2 = artifact === null || artifact === void 0 ? void 0 : artifact.location) === null || _a2 === void 0 ? void 0 : _a2.uri;
          if (uri) {
            artifactIndexMap.set(uri, index);
          }
        });
        const rulesIndexMap = /* @__PURE__ */ new Map();
        (((_d = (_c = run2 === null || run2 === void 0 ? void 0 : run2.tool) === null || _c === void 0 ? void 0 : _c.driver) === null || _d === void 0 ? void 0 : _d.rules) || []).forEach((rule17, index) => {
          rulesIndexMap.set(rule17.id, index);
        });
        for (const result of run2.results || []) {
          if (result.ruleId) {
            const ruleIndex = rulesIndexMap.get(result.ruleId);
            if (ruleIndex !== void 0) {
              result.ruleIndex = ruleIndex;
            }
          }
          if (result.locations) {
            for (const location of result.locations) {
              const uri = (_f = (_e = location === null || location === void 0 ? void 0 : location.physicalLocation) === null || _e === void 0 ? void 0 : _e.artifactLocation) === null || _f === void 0 ? void 0 : _f.uri;
              if (uri) {
                const artIndex = artifactIndexMap.get(uri);
                if (artIndex !== void 0) {
                  location.physicalLocation.artifactLocation.index = artIndex;
                }
              }
            }
          }
        }
        return run2;
      }
    };
    exports2.SarifBuilder = SarifBuilder2;
  }
});

// node_modules/node-sarif-builder/dist/lib/sarif-result-builder.js
var require_sarif_result_builder = __commonJS({
  "node_modules/node-sarif-builder/dist/lib/sarif-result-builder.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.SarifResultBuilder = void 0;
    var utils_1 = require_utils3();
    var SarifResultBuilder2 = class {
      // Initialize SARIF Result builder
      constructor(options = {}) {
        this.result = {
          level: "error",
          message: {},
          ruleId: "SARIF_BUILDER_INVALID: Please send the rule Id ruleId property, or call setRuleId(ruleId)"
        };
        (0, utils_1.setOptionValues)(options, this.result);
      }
      initSimple(options) {
        this.setLevel(options.level);
        this.setMessageText(options.messageText);
        this.setRuleId(options.ruleId);
        if (options.fileUri) {
          this.setLocationArtifactUri({ uri: options.fileUri });
        }
        if (options.startLine !== null && options.startLine !== void 0) {
          const region = {
            startLine: options.startLine,
            startColumn: options.startColumn || 1,
            endLine: options.endLine || options.startLine,
            endColumn: options.endColumn || 1
          };
          if (options.startLine === 0 || options.startColumn === 0 || options.endLine === 0 || options.endColumn === 0) {
            throw new Error("Region limit can not be 0 (minimum line 1 or column 1) in " + JSON.stringify(options));
          }
          this.setLocationRegion(region);
        }
        return this;
      }
      setLevel(level) {
        this.result.level = level;
      }
      setMessageText(message) {
        this.result.message.text = message;
      }
      setRuleId(ruleId) {
        this.result.ruleId = ruleId;
      }
      setLocationRegion(region) {
        this.manageInitPhysicalLocation();
        this.result.locations[0].physicalLocation.region = region;
      }
      setLocationArtifactUri(artifactLocation) {
        this.manageInitPhysicalLocation();
        this.result.locations[0].physicalLocation.artifactLocation = artifactLocation;
      }
      manageInitLocation() {
        var _a, _b;
        if ((_b = (_a = this.result) === null || _a === void 0 ? void 0 : _a.locations) === null || _b === void 0 ? void 0 : _b.length) {
          return;
        }
        this.result.locations = [{}];
      }
      manageInitPhysicalLocation() {
        this.manageInitLocation();
        if (this.result.locations[0].physicalLocation) {
          return;
        }
        this.result.locations[0].physicalLocation = {};
      }
    };
    exports2.SarifResultBuilder = SarifResultBuilder2;
  }
});

// node_modules/node-sarif-builder/dist/lib/sarif-rule-builder.js
var require_sarif_rule_builder = __commonJS({
  "node_modules/node-sarif-builder/dist/lib/sarif-rule-builder.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.SarifRuleBuilder = void 0;
    var utils_1 = require_utils3();
    var SarifRuleBuilder2 = class {
      // Initialize SARIF Run builder
      constructor(options = {}) {
        this.rule = {
          id: "SARIF_BUILDER_INVALID: Please send the rule identifier in id property, or call setRuleId(ruleId)",
          shortDescription: {
            text: "SARIF_BUILDER_INVALID: Please send the rule text in shortDescription.text property, or call setShortDescriptionText(text)"
          }
        };
        (0, utils_1.setOptionValues)(options, this.rule);
      }
      initSimple(options) {
        this.setRuleId(options.ruleId);
        if (options.shortDescriptionText) {
          this.setShortDescriptionText(options.shortDescriptionText);
        }
        if (options.fullDescriptionText) {
          this.setFullDescriptionText(options.fullDescriptionText);
        }
        if (options.helpUri) {
          this.setHelpUri(options.helpUri);
        }
        return this;
      }
      setRuleId(ruleId) {
        this.rule.id = ruleId;
      }
      setShortDescriptionText(shortDescriptionText) {
        this.rule.shortDescription.text = shortDescriptionText;
      }
      setFullDescriptionText(fullDescriptionText) {
        this.rule.fullDescription = this.rule.fullDescription || { text: "" };
        this.rule.fullDescription.text = fullDescriptionText;
      }
      setHelpUri(url) {
        this.rule.helpUri = url;
      }
    };
    exports2.SarifRuleBuilder = SarifRuleBuilder2;
  }
});

// node_modules/node-sarif-builder/dist/lib/sarif-run-builder.js
var require_sarif_run_builder = __commonJS({
  "node_modules/node-sarif-builder/dist/lib/sarif-run-builder.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.SarifRunBuilder = void 0;
    var utils_1 = require_utils3();
    var SarifRunBuilder2 = class {
      // Initialize SARIF Run builder
      constructor(options = {}) {
        this.run = {
          tool: {
            driver: {
              name: process.env.npm_package_name || "SARIF_BUILDER_INVALID: Please send the tool name in tool.driver.name property, or call setToolName(name)",
              rules: []
            }
          },
          results: []
        };
        (0, utils_1.setOptionValues)(options, this.run);
      }
      initSimple(options) {
        this.setToolDriverName(options.toolDriverName);
        this.setToolDriverVersion(options.toolDriverVersion);
        if (options.url) {
          this.setToolDriverUri(options.url);
        }
        return this;
      }
      addRule(sarifRuleBuilder) {
        this.run.tool.driver.rules.push(sarifRuleBuilder.rule);
      }
      addResult(sarifResultBuilder) {
        this.run.results.push(sarifResultBuilder.result);
      }
      setToolDriverName(name) {
        this.run.tool.driver.name = name;
      }
      setToolDriverVersion(version) {
        this.run.tool.driver.version = version;
      }
      setToolDriverUri(url) {
        this.run.tool.driver.informationUri = url;
      }
    };
    exports2.SarifRunBuilder = SarifRunBuilder2;
  }
});

// node_modules/node-sarif-builder/dist/index.js
var require_dist2 = __commonJS({
  "node_modules/node-sarif-builder/dist/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.SarifResultBuilder = exports2.SarifRuleBuilder = exports2.SarifRunBuilder = exports2.SarifBuilder = void 0;
    var sarif_builder_1 = require_sarif_builder();
    Object.defineProperty(exports2, "SarifBuilder", { enumerable: true, get: function() {
      return sarif_builder_1.SarifBuilder;
    } });
    var sarif_result_builder_1 = require_sarif_result_builder();
    Object.defineProperty(exports2, "SarifResultBuilder", { enumerable: true, get: function() {
      return sarif_result_builder_1.SarifResultBuilder;
    } });
    var sarif_rule_builder_1 = require_sarif_rule_builder();
    Object.defineProperty(exports2, "SarifRuleBuilder", { enumerable: true, get: function() {
      return sarif_rule_builder_1.SarifRuleBuilder;
    } });
    var sarif_run_builder_1 = require_sarif_run_builder();
    Object.defineProperty(exports2, "SarifRunBuilder", { enumerable: true, get: function() {
      return sarif_run_builder_1.SarifRunBuilder;
    } });
  }
});

// entry/resty-lint.ts
var resty_lint_exports = {};
__export(resty_lint_exports, {
  action: () => action,
  cli: () => cli
});
module.exports = __toCommonJS(resty_lint_exports);

// src/action/action.ts
var import_node_crypto4 = require("node:crypto");
var import_node_fs17 = __toESM(require("node:fs"), 1);
var import_node_path21 = __toESM(require("node:path"), 1);

// src/project/run-project.ts
var import_node_fs14 = __toESM(require("node:fs"), 1);
var import_node_path18 = __toESM(require("node:path"), 1);

// src/project/analyze.ts
var import_node_fs7 = __toESM(require("node:fs"), 1);
var import_node_path9 = __toESM(require("node:path"), 1);

// src/analysis/sym-value.ts
var UNKNOWN = { t: "unknown" };
function constant(v) {
  return { t: "const", v };
}
function valueKey(v) {
  switch (v.t) {
    case "const":
      return typeof v.v === "string" ? JSON.stringify(v.v) : String(v.v);
    case "table":
      return `table#${v.id}`;
    case "fn":
      return `fn#${v.id}`;
    case "require":
      return `require(${JSON.stringify(v.name)})`;
    case "global":
      return v.name;
    case "param":
      return `param#${v.index}`;
    case "get":
      return `${valueKey(v.base)}.${v.key}`;
    case "concat":
      return v.parts.map(valueKey).join("..");
    case "call":
      return `call@${v.site}#${v.index}`;
    case "obj":
      return `obj@${v.site}`;
    case "op":
      return `op@${v.site}#${v.index}`;
    case "or":
      return `or(${valueKey(v.left)}|${valueKey(v.right)})`;
    case "phi":
      return `phi(${v.options.map(valueKey).join("|")})`;
    case "unknown":
      return "?";
  }
}
var MAX_PHI_OPTIONS = 4;
function joinValues(a, b) {
  if (valueKey(a) === valueKey(b)) return a;
  const options = /* @__PURE__ */ new Map();
  for (const v of [a, b]) for (const o of v.t === "phi" ? v.options : [v]) options.set(valueKey(o), o);
  if (options.size > MAX_PHI_OPTIONS) return UNKNOWN;
  return { t: "phi", options: [...options.entries()].sort(([x], [y]) => x < y ? -1 : x > y ? 1 : 0).map(([, o]) => o) };
}
function optionsOf(v) {
  return v.t === "phi" ? v.options : [v];
}
function ctxSlot(v) {
  return v.t === "get" && v.base.t === "get" && v.base.key === "ctx" && v.base.base.t === "global" && v.base.base.name === "ngx" ? v.key : void 0;
}
var METATABLE_KEY = "\0metatable";
function isTrackable(v) {
  if (v.t === "obj" || v.t === "call" || v.t === "param") return true;
  if (ctxSlot(v) !== void 0) return true;
  if (v.t === "get") return isTrackable(v.base);
  return false;
}

// src/analysis/interpret/flow.ts
var NO_SESSION = { db: void 0, multi: false };
var Flow = class _Flow {
  dead = false;
  /** Set when a call ends the path (ngx.exit, error): the enclosing statement stops the path. */
  ended = null;
  /** The request was ended with a client-error status (ngx.exit(400..499)): a rejection, not the outcome. */
  rejected = false;
  /** Variable values by binding id. */
  vals = /* @__PURE__ */ new Map();
  /** Tracked values by valueKey. */
  objs = /* @__PURE__ */ new Map();
  /** Tracked values for which this path is an error path, with the operation whose failure guards it. */
  errorFor = /* @__PURE__ */ new Map();
  clone() {
    const f = new _Flow();
    f.dead = this.dead;
    f.vals = new Map(this.vals);
    for (const [k, o] of this.objs) f.objs.set(k, copyObj(o));
    f.errorFor = new Map(this.errorFor);
    return f;
  }
  static join(flows) {
    const live = flows.filter((f) => !f.dead);
    if (live.length === 0) {
      const d = new _Flow();
      d.dead = true;
      return d;
    }
    const out = live[0].clone();
    for (const f of live.slice(1)) {
      for (const [k, v] of out.vals) {
        const w = f.vals.get(k);
        out.vals.set(k, w ? joinValues(v, w) : UNKNOWN);
      }
      for (const [k, o] of f.objs) {
        const mine = out.objs.get(k);
        if (!mine) out.objs.set(k, copyObj(o));
        else {
          mine.used ||= o.used;
          mine.unreadBody ||= o.unreadBody;
          mine.session = joinSession(mine.session, o.session);
          for (const c of o.connectSites) if (!mine.connectSites.includes(c)) mine.connectSites.push(c);
          for (const r of o.releaseSites) if (!mine.releaseSites.includes(r)) mine.releaseSites.push(r);
          for (const s of o.status) mine.status.add(s);
          for (const p of o.passSites) if (!mine.passSites.includes(p)) mine.passSites.push(p);
          mine.endsAt = mine.endsAt.filter((s) => o.endsAt.includes(s));
        }
      }
      for (const k of [...out.errorFor.keys()]) if (!f.errorFor.has(k)) out.errorFor.delete(k);
    }
    return out;
  }
};
function replace(flow, next) {
  flow.dead = next.dead;
  flow.vals = next.vals;
  flow.objs = next.objs;
  flow.errorFor = next.errorFor;
  flow.ended = null;
}
function copyObj(o) {
  return { ...o, status: new Set(o.status), passSites: [...o.passSites], connectSites: [...o.connectSites], releaseSites: [...o.releaseSites], endsAt: [...o.endsAt] };
}
function joinSession(a, b) {
  const db = a.db === b.db ? a.db : a.db === void 0 ? b.db : b.db === void 0 ? a.db : null;
  return a.subscribed && b.subscribed ? { db, multi: a.multi || b.multi, subscribed: true } : { db, multi: a.multi || b.multi };
}

// src/analysis/interpret/context.ts
var MAX_DEPTH = 180;
var Scope = class {
  constructor(parent) {
    this.parent = parent;
  }
  parent;
  vars = /* @__PURE__ */ new Map();
  lookup(name) {
    for (let s = this; s; s = s.parent) {
      const b = s.vars.get(name);
      if (b) return b;
    }
    return void 0;
  }
};
function newFileState(ends = /* @__PURE__ */ new Map()) {
  const facts = { returnsValue: false, exports: UNKNOWN, requires: [], functions: [], tables: [], sites: [], events: [] };
  return { facts, nextBinding: 0, pending: [], captures: /* @__PURE__ */ new Map(), tableOwner: [], depth: 0, callValues: /* @__PURE__ */ new WeakMap(), ends, calledEarly: /* @__PURE__ */ new Set(), moduleReturns: [] };
}
function newFnCtx(file, id) {
  return { file, id, loops: [], gotos: /* @__PURE__ */ new Map(), owned: /* @__PURE__ */ new Set(), branchDepth: 0, ended: { normal: false, exit: false, error: false } };
}
function newFunction(file, name, parent, paramCount, sp) {
  const f = { id: file.facts.functions.length, name, parent, paramCount, span: sp, returns: [] };
  file.facts.functions.push(f);
  return f;
}
function newSite(file, sp) {
  file.facts.sites.push(sp);
  return file.facts.sites.length - 1;
}
function event(ctx, e) {
  ctx.file.facts.events.push(e);
}
function declare(ctx, scope, name, value, flow) {
  const b = { id: ctx.file.nextBinding++, fn: ctx.id, assigns: isNil(value) ? 0 : 1, last: value };
  scope.vars.set(name, b);
  flow.vals.set(b.id, value);
  return b;
}
function assign(b, value, flow, ctx) {
  if (!isNil(value)) {
    b.assigns++;
    b.last = value;
  }
  if (b.fn === ctx.id) flow.vals.set(b.id, value);
}
function isNil(v) {
  return v.t === "const" && v.v === null;
}
function read(name, flow, ctx, scope) {
  const b = scope.lookup(name);
  if (!b) return { t: "global", name };
  if (b.fn === ctx.id) return flow.vals.get(b.id) ?? b.last;
  return b.assigns <= 1 ? b.last : UNKNOWN;
}
function newTable(ctx) {
  ctx.file.facts.tables.push({});
  ctx.file.tableOwner.push(ctx.id);
  return { t: "table", id: ctx.file.facts.tables.length - 1 };
}
function callEvent(callee, calleeName2, args, site2, ctx, forwards = []) {
  const callbacks = [];
  const callbackArgs = [];
  args.forEach((a, i) => {
    if (a.t !== "fn") return;
    callbacks.push(a.id);
    callbackArgs.push(i);
  });
  const deferred = isTimer(calleeName2);
  if ((calleeName2 !== null || !followableCallee(callee)) && callbacks.length === 0) return;
  const e = { kind: "call", fn: ctx.id, site: site2, callee, callbacks, deferred };
  if (!deferred && callbacks.length > 0) e.callbackArgs = callbackArgs;
  if (!deferred && forwards.length > 0) e.forwards = forwards;
  event(ctx, e);
}
function paramUses(calleeNode, callee, calleeName2, argNodes, args, ctx, scope) {
  const called = paramOwner(calleeNode, callee, scope);
  if (called !== void 0 && callee.t === "param") addParam(ctx.file.facts.functions[called], "invokes", callee.index);
  const forwards = [];
  args.forEach((a, i) => {
    const owner = paramOwner(argNodes[i], a, scope);
    if (owner === void 0 || a.t !== "param") return;
    if (calleeName2 === "pcall" || calleeName2 === "xpcall") {
      if (i === 0) addParam(ctx.file.facts.functions[owner], "invokes", a.index);
    } else if (isTimer(calleeName2)) {
      if (i >= 1 && owner === ctx.id) addParam(ctx.file.facts.functions[owner], "defers", a.index);
    } else if (owner === ctx.id) forwards.push([i, a.index]);
  });
  return forwards;
}
function isTimer(calleeName2) {
  return calleeName2 === "ngx.timer.at" || calleeName2 === "ngx.timer.every";
}
function paramOwner(node, v, scope) {
  if (!node || v?.t !== "param" || node.type !== "Identifier") return void 0;
  return scope.lookup(node.name)?.fn;
}
function addParam(f, field, index) {
  if (!f) return;
  const list2 = f[field] ??= [];
  if (!list2.includes(index)) list2.push(index);
}
function track(flow, v, initial) {
  const k = valueKey(v);
  let o = flow.objs.get(k);
  if (!o) {
    o = { value: v, status: /* @__PURE__ */ new Set([initial]), passSites: [], used: false, connectSites: [], releaseSites: [], session: NO_SESSION, unreadBody: false, endsAt: [] };
    flow.objs.set(k, o);
  }
  return o;
}
function setStatus(flow, v, s) {
  const o = track(flow, v, s);
  o.status = /* @__PURE__ */ new Set([s]);
  if (s !== "passed") o.passSites = [];
}
function escape(flow, v, ctx, site2, returned = false) {
  for (const o of optionsOf(v)) {
    if (!isTrackable(o)) continue;
    setStatus(flow, o, "escaped");
    if (returned && o.t === "obj") continue;
    if ((o.t === "param" || o.t === "obj") && ctx && site2 !== void 0) event(ctx, { kind: "escape", fn: ctx.id, site: site2, target: o });
  }
}
function escapeDeep(flow, v, ctx, site2, returned = false) {
  const direct = (x) => {
    for (const o of optionsOf(x)) if (flow.objs.has(valueKey(o)) || o.t === "param") escape(flow, o, ctx, site2, returned);
  };
  direct(v);
  for (const o of optionsOf(v)) {
    if (o.t === "table") for (const f of Object.values(ctx.file.facts.tables[o.id])) direct(f);
  }
}
function pathEnd(flow, ctx, end, site2, ifEnds) {
  const failed = [...flow.errorFor.values()][0];
  for (const [k, o] of flow.objs) {
    if (!ctx.owned.has(k)) continue;
    if (flow.errorFor.has(k)) continue;
    const connected = o.status.has("connected");
    const live = o.status.has("live");
    const passed = o.status.has("passed");
    if (!connected && !live && !passed) continue;
    if (o.status.has("escaped")) continue;
    if (!connected && !o.used) continue;
    event(ctx, {
      kind: "unreleased",
      fn: ctx.id,
      site: site2,
      target: o.value,
      end,
      ...ifEnds ? { ifEnds } : {},
      passSites: [...o.passSites],
      connectSites: [...o.connectSites],
      session: o.session,
      // Early: inside a branch, by a return or a rejection (4xx); a redirect or a 2xx exit is an outcome.
      ...ctx.branchDepth > 0 && (end !== "exit" || flow.rejected) ? { early: true } : {},
      ...failed !== void 0 ? { afterFailureOf: failed } : {}
    });
    if (ifEnds) o.endsAt.push(site2);
  }
}
function span(n) {
  const r = n.range;
  return r ? [r[0], r[1]] : [0, 0];
}
function constKey(v) {
  if (v.t === "const" && (typeof v.v === "string" || typeof v.v === "number")) return String(v.v);
  return void 0;
}
function followableCallee(v) {
  let cur = v;
  while (cur.t === "get") cur = cur.base;
  if (cur.t === "call") return followableCallee(cur.callee);
  return cur.t === "fn" || cur.t === "table" || cur.t === "require" || cur.t === "param";
}

// src/lua/walk.ts
function forEachNode(root, visit2) {
  const stack = [root];
  while (stack.length > 0) {
    const cur = stack.pop();
    if (Array.isArray(cur)) {
      for (let i = cur.length - 1; i >= 0; i--) stack.push(cur[i]);
      continue;
    }
    if (!cur || typeof cur !== "object") continue;
    const node = cur;
    if (typeof node.type === "string") visit2(node);
    const children = [];
    for (const key in node) {
      if (key === "loc" || key === "range" || key === "type") continue;
      const v = node[key];
      if (v && typeof v === "object") children.push(v);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

// src/clients/profiles.ts
var COMMON = {
  connectMethods: ["connect"],
  keepaliveMethods: ["set_keepalive"],
  closeMethods: ["close"],
  keepaliveTimeoutArg: 0,
  keepalivePoolSizeArg: 1
};
var CLIENT_PROFILES = [
  {
    ...COMMON,
    module: "resty.redis",
    constructors: ["new"],
    poolKey: { kind: "host-port", unixPrefixCaseSensitive: true },
    session: { select: ["select"], begin: ["multi"], end: ["exec", "discard"], subscribe: ["subscribe", "psubscribe"], unsubscribe: ["unsubscribe", "punsubscribe"] },
    serverConfig: "redis"
  },
  { ...COMMON, module: "resty.memcached", constructors: ["new"], poolKey: { kind: "host-port", unixPrefixCaseSensitive: false } },
  // Other cosocket drivers with resty.redis's shape: new(), connect(host, port[, opts]) handed to ngx_lua's
  // connect as is, set_keepalive(idle, size) / close() (lua-resty-ssdb, lua-resty-mongol,
  // lua-resty-beanstalkd, lua-resty-rabbitmqstomp; docs/semantics.md §1.10).
  ...["resty.ssdb", "resty.mongol", "resty.beanstalkd", "resty.rabbitmqstomp"].map(
    (module2) => ({ ...COMMON, module: module2, constructors: ["new"], poolKey: { kind: "host-port", unixPrefixCaseSensitive: false } })
  ),
  // set_keepalive refuses outside the CONNECTED state: the library protects its pool.
  { ...COMMON, module: "resty.mysql", constructors: ["new"], poolKey: { kind: "mysql-options" } },
  {
    ...COMMON,
    module: "resty.http",
    constructors: ["new"],
    poolKey: { kind: "http" },
    keepaliveAfterError: { why: "the connection's state is unknown" },
    requestMethods: ["request"],
    bodyReadMethods: ["read_body"],
    bodyReadFields: ["body_reader"],
    // request_uri(uri, params): params.keepalive == false closes instead of pooling.
    selfReleasingMethods: [{ method: "request_uri", optionsArg: 1, keepaliveOption: "keepalive" }]
  },
  {
    ...COMMON,
    module: "pgmoon",
    constructors: ["new"],
    keepaliveMethods: ["keepalive"],
    closeMethods: ["disconnect"],
    poolKey: { kind: "pgmoon-config" }
  },
  { ...COMMON, module: "resty.websocket.client", constructors: ["new"], poolKey: { kind: "websocket-uri" } },
  {
    ...COMMON,
    module: "resty.redis.connector",
    constructors: ["new"],
    connectMethods: [],
    closeMethods: [],
    poolKey: { kind: "redis-connector" },
    producesClient: { method: "connect", client: "resty.redis", keepaliveSends: ["discard"] },
    holdsNoSocket: true
  },
  {
    ...COMMON,
    module: "ngx.socket.tcp",
    constructors: [],
    // ngx.socket.stream is an alias of ngx.socket.tcp.
    globalConstructors: ["ngx.socket.tcp", "ngx.socket.stream"],
    globalConnectors: ["ngx.socket.connect"],
    keepaliveMethods: ["setkeepalive"],
    poolKey: { kind: "host-port", unixPrefixCaseSensitive: false },
    // A failed read (typically a timeout) leaves the socket open with the reply still to come.
    keepaliveAfterError: {
      failedOps: ["receive", "receiveany", "receiveuntil", "read"],
      why: "a read timeout leaves the socket open, and the late reply is what the next user of the pool reads first"
    }
  }
];
var BY_MODULE = new Map(CLIENT_PROFILES.map((p) => [p.module, p]));
function profileFor(module2) {
  return BY_MODULE.get(module2);
}
var UNPROFILED_RESTY = {
  ...COMMON,
  module: "resty.*",
  constructors: ["new"],
  keepaliveMethods: ["set_keepalive", "setkeepalive"],
  poolKey: { kind: "unknown" },
  holdsNoSocket: true,
  unprofiled: true
};
function clientProfile(module2) {
  return BY_MODULE.get(module2) ?? (module2.startsWith("resty.") ? UNPROFILED_RESTY : void 0);
}
var BY_GLOBAL = /* @__PURE__ */ new Map();
for (const p of CLIENT_PROFILES) {
  for (const name of p.globalConstructors ?? []) BY_GLOBAL.set(name, { profile: p, connects: false });
  for (const name of p.globalConnectors ?? []) BY_GLOBAL.set(name, { profile: p, connects: true });
}
function globalFactory(name) {
  return BY_GLOBAL.get(name);
}
var ANY_CLIENT = {
  connectMethods: union((p) => p.connectMethods),
  keepaliveMethods: union((p) => p.keepaliveMethods),
  closeMethods: union((p) => p.closeMethods),
  session: {
    select: union((p) => p.session?.select),
    begin: union((p) => p.session?.begin),
    end: union((p) => p.session?.end),
    subscribe: union((p) => p.session?.subscribe),
    unsubscribe: union((p) => p.session?.unsubscribe)
  },
  requestMethods: union((p) => p.requestMethods),
  bodyReadMethods: union((p) => p.bodyReadMethods),
  bodyReadFields: union((p) => p.bodyReadFields),
  selfReleasingMethods: CLIENT_PROFILES.flatMap((p) => p.selfReleasingMethods ?? [])
};
function union(names2) {
  return [...new Set(CLIENT_PROFILES.flatMap((p) => names2(p) ?? []))];
}

// src/analysis/interpret/client-effects.ts
function construct(callee, calleeName2, args, site2, flow, ctx) {
  const client = constructorClient(callee, calleeName2);
  if (client) {
    const obj = { t: "obj", client, site: site2 };
    setStatus(flow, obj, "fresh");
    created(obj, args, site2, ctx);
    return [obj, constant(null)];
  }
  const factory = calleeName2 ? globalFactory(calleeName2) : void 0;
  if (factory?.connects) {
    const connect = calleeName2.slice(calleeName2.lastIndexOf(".") + 1);
    const obj = { t: "obj", client: factory.profile.module, site: site2 };
    created(obj, [], site2, ctx);
    event(ctx, { kind: "connect", fn: ctx.id, site: site2, target: obj, method: connect, args, errorPath: false });
    setStatus(flow, obj, "connected");
    track(flow, obj, "connected").connectSites = [site2];
    return [obj, { t: "op", obj: valueKey(obj), method: connect, index: 1, site: site2 }];
  }
  return void 0;
}
function constructorClient(callee, calleeName2) {
  const factory = calleeName2 ? globalFactory(calleeName2) : void 0;
  if (factory && !factory.connects) return factory.profile.module;
  if (callee.t === "get" && callee.base.t === "require") {
    const profile = clientProfile(callee.base.name);
    if (profile && profile.constructors.includes(callee.key)) return profile.unprofiled ? callee.base.name : profile.module;
  }
  return null;
}
function created(obj, args, site2, ctx) {
  event(ctx, { kind: "new", fn: ctx.id, site: site2, target: obj, client: obj.client, args });
  ctx.owned.add(valueKey(obj));
  if (ctx.id === 0 && !clientProfile(obj.client)?.holdsNoSocket) event(ctx, { kind: "shared", fn: ctx.id, site: site2, target: obj, how: "module-level" });
}
function clientMethod(self, method, args, site2, flow, ctx, want) {
  const key = valueKey(self);
  const profile = self.t === "obj" ? clientProfile(self.client) : void 0;
  const methods = profile ?? ANY_CLIENT;
  const isConnect = methods.connectMethods.includes(method);
  const isKeepalive = methods.keepaliveMethods.includes(method);
  const isClose = methods.closeMethods.includes(method);
  const selfReleasing = methods.selfReleasingMethods?.find((m) => m.method === method);
  const errorOp = flow.errorFor.get(key);
  const errorPath = errorOp !== void 0;
  const state = flow.objs.get(key) ?? (self.t === "call" ? track(flow, self, "live") : void 0);
  if (state) state.used = true;
  const results = () => {
    const out = [];
    for (let i = 0; i < Math.max(want, 2); i++) out.push({ t: "op", obj: key, method, index: i, site: site2 });
    return out;
  };
  const reconnects = isConnect || selfReleasing !== void 0;
  let alreadyReleased = false;
  if (state && state.status.size === 1) {
    const only = [...state.status][0];
    if (only === "released" && !reconnects) {
      alreadyReleased = true;
      event(ctx, { kind: "use-after-release", fn: ctx.id, site: site2, target: self, method, previous: [...state.releaseSites], reconnect: false });
    } else if (only === "connected" && isConnect) {
      event(ctx, { kind: "use-after-release", fn: ctx.id, site: site2, target: self, method, previous: [...state.connectSites], reconnect: true });
    }
  }
  const produced = profile?.producesClient;
  if (produced && method === produced.method && self.t === "obj") {
    const made = { t: "obj", client: produced.client, site: site2 };
    event(ctx, { kind: "new", fn: ctx.id, site: site2, target: made, client: produced.client, args: [] });
    ctx.owned.add(valueKey(made));
    event(ctx, { kind: "connect", fn: ctx.id, site: site2, target: made, method, args: [self, ...args], errorPath, keyRule: self.client });
    const o = track(flow, made, "connected");
    o.status = /* @__PURE__ */ new Set(["connected"]);
    o.connectSites = [site2];
    return [made, { t: "op", obj: valueKey(made), method, index: 1, site: site2 }];
  }
  if (produced && isKeepalive) {
    const given = args[0];
    if (given && isTrackable(given)) {
      const commands = profileFor(produced.client)?.session;
      const before = flow.objs.get(valueKey(given))?.session ?? NO_SESSION;
      const session = produced.keepaliveSends.reduce((s, c) => sessionAfter(s, commands, c, []) ?? s, before);
      release(given, "long", method, args.slice(1), site2, flow, ctx, { session });
    }
    return results();
  }
  if (isConnect) {
    event(ctx, { kind: "connect", fn: ctx.id, site: site2, target: self, method, args, errorPath });
    const o = track(flow, self, "connected");
    o.status = new Set(o.status.has("escaped") ? ["connected", "escaped"] : ["connected"]);
    o.connectSites = [site2];
    o.releaseSites = [];
    o.session = NO_SESSION;
    o.unreadBody = false;
  } else if ((isKeepalive || isClose) && !alreadyReleased) {
    release(self, isKeepalive ? "long" : "short", method, args, site2, flow, ctx, {});
  } else if (selfReleasing) {
    event(ctx, { kind: "connect", fn: ctx.id, site: site2, target: self, method, args, errorPath });
    const mode = keepaliveOption(selfReleasing, args, ctx.file.facts.tables);
    if (mode) release(self, mode, method, args, site2, flow, ctx, { implicit: true });
  } else {
    const selects = methods.session?.select.includes(method);
    event(ctx, { kind: "method", fn: ctx.id, site: site2, target: self, method, args: selects ? args : [], errorPath });
    if (state) sessionEffect(state, method, args, methods);
    if (self.t !== "obj") callEvent({ t: "get", base: self, key: method }, null, [self, ...args], site2, ctx);
  }
  return results();
}
function responseField(res, field, flow) {
  if (ANY_CLIENT.bodyReadFields.includes(field)) bodyRead(res, flow);
}
function responseMethod(res, method, flow) {
  if (ANY_CLIENT.bodyReadMethods.includes(method)) bodyRead(res, flow);
}
function bodyRead(v, flow) {
  if (v.t !== "op") return;
  const o = flow.objs.get(v.obj);
  if (o) o.unreadBody = false;
}
function release(target, mode, method, args, site2, flow, ctx, opts) {
  const key = valueKey(target);
  const errorOp = flow.errorFor.get(key);
  const o = track(flow, target, "released");
  event(ctx, {
    kind: "release",
    fn: ctx.id,
    site: site2,
    target,
    mode,
    method,
    args,
    errorPath: errorOp !== void 0,
    errorOp,
    session: opts.session ?? o.session,
    unreadBody: o.unreadBody,
    implicit: opts.implicit,
    ...o.endsAt.length > 0 ? { after: [...o.endsAt] } : {}
  });
  o.status = /* @__PURE__ */ new Set(["released"]);
  o.releaseSites = [site2];
  o.passSites = [];
}
function sessionEffect(o, method, args, methods) {
  const session = sessionAfter(o.session, methods.session, method, args);
  if (session) o.session = session;
  else if (methods.requestMethods?.includes(method)) o.unreadBody = true;
}
function sessionAfter(s, commands, method, args) {
  if (!commands) return void 0;
  if (commands.select.includes(method)) {
    const db = args[0];
    return { ...s, db: db?.t === "const" && db.v !== null ? String(db.v) : null };
  }
  if (commands.begin.includes(method)) return { ...s, multi: true };
  if (commands.end.includes(method)) return { ...s, multi: false };
  if (commands.subscribe?.includes(method)) return { ...s, subscribed: true };
  if (commands.unsubscribe?.includes(method) && s.subscribed) return { db: s.db, multi: s.multi };
  return void 0;
}
function keepaliveOption(m, args, tables) {
  const params = args[m.optionsArg];
  if (!params || params.t === "const" && params.v === null) return "long";
  if (params.t !== "table") return null;
  const k = tables[params.id][m.keepaliveOption];
  if (k === void 0 || k.t === "const" && (k.v === null || k.v === true)) return "long";
  if (k.t === "const" && k.v === false) return "short";
  return null;
}

// src/analysis/interpret/evaluate.ts
var PATH_ENDING_GLOBALS = /* @__PURE__ */ new Map([
  ["ngx.exit", "exit"],
  ["ngx.redirect", "exit"],
  ["ngx.exec", "exit"],
  ["error", "error"]
]);
var HARMLESS_CALLS = /* @__PURE__ */ new Set([
  "ngx.log",
  "ngx.say",
  "ngx.print",
  "print",
  "tostring",
  "tonumber",
  "type",
  "assert",
  "pairs",
  "ipairs",
  "next",
  "select",
  "unpack",
  "table.unpack",
  "rawget",
  "rawequal",
  "getmetatable",
  "string.format",
  "table.concat",
  "table.insert"
]);
function evalList(exprs, flow, ctx, scope, want) {
  const out = [];
  exprs.forEach((e, i) => {
    const last = i === exprs.length - 1;
    if (last && isCall(e) && want > i) {
      out.push(...evalCall(e, flow, ctx, scope, want - i));
    } else {
      out.push(evaluate(e, flow, ctx, scope));
    }
  });
  return out;
}
function evaluate(e, flow, ctx, scope) {
  if (ctx.file.depth > MAX_DEPTH) return UNKNOWN;
  ctx.file.depth++;
  try {
    return evalInner(e, flow, ctx, scope);
  } finally {
    ctx.file.depth--;
  }
}
function evalInner(e, flow, ctx, scope) {
  switch (e.type) {
    case "StringLiteral":
      return constant(e.value);
    case "NumericLiteral":
      return /[LlUuIi]$/.test(e.raw) ? UNKNOWN : constant(e.value);
    case "BooleanLiteral":
      return constant(e.value);
    case "NilLiteral":
      return constant(null);
    case "Identifier":
      return read(e.name, flow, ctx, scope);
    case "MemberExpression": {
      const base = evaluate(e.base, flow, ctx, scope);
      responseField(base, e.identifier.name, flow);
      return getField(base, e.identifier.name, ctx);
    }
    case "IndexExpression": {
      const base = evaluate(e.base, flow, ctx, scope);
      const key = constKey(evaluate(e.index, flow, ctx, scope));
      return key === void 0 ? UNKNOWN : getField(base, key, ctx);
    }
    case "CallExpression":
    case "StringCallExpression":
    case "TableCallExpression":
      return evalCall(e, flow, ctx, scope, 1)[0] ?? constant(null);
    case "FunctionDeclaration":
      return closure(e, flow, ctx, scope, "<anonymous>", false);
    case "TableConstructorExpression": {
      const t = newTable(ctx);
      const fields = ctx.file.facts.tables[t.id];
      let n = 1;
      for (const f of e.fields) {
        const v = evaluate(f.value, flow, ctx, scope);
        if (f.type === "TableKeyString") fields[f.key.name] = v;
        else if (f.type === "TableKey") {
          const k = constKey(evaluate(f.key, flow, ctx, scope));
          if (k !== void 0) fields[k] = v;
        } else fields[String(n++)] = v;
        escapeDeep(flow, v, ctx, newSite(ctx.file, span(f)));
      }
      return t;
    }
    case "BinaryExpression": {
      if (e.operator === "..") return concat(e, flow, ctx, scope);
      evaluate(e.left, flow, ctx, scope);
      evaluate(e.right, flow, ctx, scope);
      return UNKNOWN;
    }
    case "LogicalExpression": {
      const l = evaluate(e.left, flow, ctx, scope);
      const r = evaluate(e.right, flow, ctx, scope);
      if (e.operator === "or" && l.t === "const" && l.v !== null && l.v !== false) return l;
      if (e.operator === "or" && (l.t === "const" && (l.v === null || l.v === false))) return r;
      if (e.operator === "or" && l.t === "op" && l.index === 0) return l;
      if (e.operator === "or" && (l.t === "get" || l.t === "param") && r.t === "const" && r.v !== null && r.v !== false) return { t: "or", left: l, right: r };
      return UNKNOWN;
    }
    case "UnaryExpression":
      evaluate(e.argument, flow, ctx, scope);
      return UNKNOWN;
    case "VarargLiteral":
      return UNKNOWN;
  }
}
function concat(e, flow, ctx, scope) {
  const parts = [];
  let cur = e;
  while (cur.type === "BinaryExpression" && cur.operator === "..") {
    parts.push(evaluate(cur.left, flow, ctx, scope));
    cur = cur.right;
  }
  parts.push(evaluate(cur, flow, ctx, scope));
  return { t: "concat", parts };
}
function getField(base, key, ctx) {
  if (base.t === "table") {
    const v = ctx.file.facts.tables[base.id][key];
    return v ?? { t: "get", base, key };
  }
  if (base.t === "unknown" || base.t === "const" || base.t === "op") return UNKNOWN;
  return { t: "get", base, key };
}
function closure(node, flow, ctx, scope, name, hasSelf) {
  const paramCount = node.parameters.length + (hasSelf ? 1 : 0);
  const f = newFunction(ctx.file, name, ctx.id, paramCount, span(node));
  const params = [...hasSelf ? ["self"] : [], ...node.parameters.flatMap((p) => p.type === "Identifier" ? [p.name] : [])];
  if (params.length > 0) f.params = params;
  ctx.file.pending.push({ node, id: f.id, scope, hasSelf });
  const names2 = /* @__PURE__ */ new Set();
  if (flow.objs.size > 0) forEachNode(node.body, (n) => {
    if (n.type === "Identifier") names2.add(n.name);
  });
  const captured = [];
  for (const n of names2) {
    const b = scope.lookup(n);
    if (!b || b.fn !== ctx.id) continue;
    const v = flow.vals.get(b.id);
    if (v && flow.objs.has(valueKey(v))) {
      captured.push(v);
      escape(flow, v, ctx, newSite(ctx.file, span(node)));
    }
  }
  if (captured.length > 0) ctx.file.captures.set(f.id, captured);
  return { t: "fn", id: f.id };
}
function evalCall(e, flow, ctx, scope, want) {
  if (!isCall(e)) return [evaluate(e, flow, ctx, scope)];
  if (ctx.file.depth > MAX_DEPTH) return [UNKNOWN];
  ctx.file.depth++;
  try {
    const values = evalCallInner(e, flow, ctx, scope, want);
    if (values[0]) ctx.file.callValues.set(e, values[0]);
    return values;
  } finally {
    ctx.file.depth--;
  }
}
function evalCallInner(e, flow, ctx, scope, want) {
  const callee = e.base;
  const argNodes = e.type === "CallExpression" ? e.arguments : e.type === "StringCallExpression" ? [e.argument] : [e.arguments];
  const site2 = newSite(ctx.file, span(e));
  let method = null;
  let self = null;
  let calleeValue;
  if (callee.type === "MemberExpression" && callee.indexer === ":") {
    self = evaluate(callee.base, flow, ctx, scope);
    method = callee.identifier.name;
    calleeValue = getField(self, method, ctx);
  } else {
    calleeValue = evaluate(callee, flow, ctx, scope);
  }
  const args = evalList(argNodes, flow, ctx, scope, Math.max(argNodes.length, 1));
  const fullArgs = self ? [self, ...args] : args;
  if (!self && calleeValue.t === "get" && fullArgs.length > 0 && valueKey(calleeValue.base) === valueKey(fullArgs[0])) {
    self = fullArgs[0];
    method = calleeValue.key;
  }
  const calleeName2 = globalPath(calleeValue);
  const protectedCall = calleeName2 === "pcall" && args[0]?.t === "get" && args.length > 1 && valueKey(args[0].base) === valueKey(args[1]);
  if (protectedCall && isTrackable(args[1])) {
    const target = args[0];
    const results2 = clientMethod(args[1], target.key, args.slice(2), site2, flow, ctx, Math.max(want - 1, 1));
    return [results2[0] ?? UNKNOWN, ...results2];
  }
  if (calleeName2 === "require" && args[0]?.t === "const" && typeof args[0].v === "string") {
    const facts = ctx.file.facts;
    if (!facts.requires.includes(args[0].v)) facts.requires.push(args[0].v);
    const required = { t: "require", name: args[0].v };
    event(ctx, { kind: "call", fn: ctx.id, site: site2, callee: required, callbacks: [], deferred: false });
    return [required];
  }
  if (calleeName2 === "module" && ctx.id === 0 && args.length > 0) {
    declareModule(args[0], ctx);
    return [UNKNOWN];
  }
  if (calleeName2 === "setmetatable") {
    const [obj, mt] = args;
    if (obj?.t === "table" && mt && (mt.t === "table" || mt.t === "get" || mt.t === "require" || mt.t === "call")) ctx.file.facts.tables[obj.id][METATABLE_KEY] = mt;
    return [obj ?? UNKNOWN];
  }
  if (calleeName2 === "assert") return args.length > 0 ? args : [UNKNOWN];
  const ending = calleeName2 ? PATH_ENDING_GLOBALS.get(calleeName2) : void 0;
  if (ending) {
    flow.ended = ending === "exit" && isServerErrorStatus(args[0]) ? "error" : ending;
    flow.rejected = calleeName2 === "ngx.exit" && isClientErrorStatus(args[0]);
    return [UNKNOWN];
  }
  const made = construct(calleeValue, calleeName2, args, site2, flow, ctx);
  if (made) return made;
  if (calleeName2 === "ngx.timer.at" || calleeName2 === "ngx.timer.every") timer(calleeName2, args, site2, flow, ctx);
  if (self?.t === "op" && method) responseMethod(self, method, flow);
  if (self && method && isTrackable(self)) {
    return clientMethod(self, method, fullArgs.slice(1), site2, flow, ctx, want);
  }
  if (self?.t === "phi" && method && self.options.some(isTrackable)) {
    let joined;
    for (const o of self.options) {
      if (!isTrackable(o)) continue;
      const r = clientMethod(o, method, fullArgs.slice(1), site2, flow, ctx, want);
      joined = joined ? joined.map((v, i) => joinValues(v, r[i] ?? UNKNOWN)) : r;
    }
    return joined;
  }
  if (!(calleeName2 && HARMLESS_CALLS.has(calleeName2))) {
    const literals = fullArgs.some((a) => a.t === "const") ? { args: fullArgs.map((a) => a.t === "const" ? a : UNKNOWN) } : {};
    fullArgs.forEach((a, i) => {
      bodyRead(a, flow);
      const k = valueKey(a);
      const o = flow.objs.get(k);
      if (o) {
        event(ctx, { kind: "pass", fn: ctx.id, site: site2, target: a, callee: calleeValue, argIndex: i, selfCall: self !== null, errorPath: flow.errorFor.has(k), errorOp: flow.errorFor.get(k), ...literals, ...o.session.subscribed ? { subscribed: true } : {} });
        o.status = /* @__PURE__ */ new Set(["passed"]);
        if (!o.passSites.includes(site2)) o.passSites.push(site2);
      } else if (a.t === "param") {
        event(ctx, { kind: "pass", fn: ctx.id, site: site2, target: a, callee: calleeValue, argIndex: i, selfCall: self !== null, errorPath: false });
      }
    });
  }
  const colon = callee.type === "MemberExpression" && callee.indexer === ":";
  const forwards = paramUses(callee, calleeValue, calleeName2, colon ? [callee.base, ...argNodes] : argNodes, fullArgs, ctx, scope);
  callEvent(calleeValue, calleeName2, fullArgs, site2, ctx, forwards);
  helperEnd(calleeValue, fullArgs, site2, flow, ctx);
  const results = [];
  for (let i = 0; i < Math.max(want, 1); i++) results.push({ t: "call", callee: calleeValue, args: fullArgs, site: site2, index: i });
  ctx.owned.add(valueKey(results[0]));
  return results;
}
function declareModule(name, ctx) {
  const file = ctx.file;
  if (file.moduleTable !== void 0) return;
  file.moduleTable = newTable(ctx).id;
  if (name.t === "const" && typeof name.v === "string") file.facts.moduleName = name.v;
}
function helperEnd(callee, args, site2, flow, ctx) {
  if (flow.ended) return;
  const failing = args.some(isServerErrorStatus);
  const own = callee.t === "fn" ? callee.id : callee.t === "global" ? functionGlobal(callee.name, ctx) : void 0;
  if (own !== void 0) {
    const start2 = ctx.file.facts.functions[own].span[0];
    const ends = ctx.file.ends.get(start2);
    if (!ends) ctx.file.calledEarly.add(start2);
    else flow.ended = ends === "exit" && failing ? "error" : ends;
    return;
  }
  let root = callee;
  while (root.t === "get") root = root.base;
  if (!failing && (root.t === "require" || root.t === "table" && callee.t === "get")) pathEnd(flow, ctx, "exit", site2, callee);
}
function functionGlobal(name, ctx) {
  const v = ctx.file.facts.globals?.[name];
  return v?.t === "fn" ? v.id : void 0;
}
function timer(name, args, site2, flow, ctx) {
  for (const a of args.slice(2)) {
    if (flow.objs.has(valueKey(a)) || a.t === "obj") event(ctx, { kind: "shared", fn: ctx.id, site: site2, target: a, how: "timer-arg", via: name });
  }
  const callback = args[1];
  if (callback?.t === "fn") {
    for (const v of ctx.file.captures.get(callback.id) ?? []) event(ctx, { kind: "shared", fn: ctx.id, site: site2, target: v, how: "timer-upvalue", via: name });
  }
}
function isCall(e) {
  return e.type === "CallExpression" || e.type === "StringCallExpression" || e.type === "TableCallExpression";
}
function globalPath(v) {
  const parts = [];
  let cur = v;
  while (cur.t === "get") {
    parts.unshift(cur.key);
    cur = cur.base;
  }
  if (cur.t !== "global") return null;
  parts.unshift(cur.name);
  return parts.join(".");
}
function isClientErrorStatus(v) {
  if (!v) return false;
  if (v.t === "const") return typeof v.v === "number" && v.v >= 400 && v.v < 500;
  const name = globalPath(v);
  return name !== null && /^ngx\.HTTP_(BAD_REQUEST|UNAUTHORIZED|PAYMENT_REQUIRED|FORBIDDEN|NOT_FOUND|NOT_ALLOWED|NOT_ACCEPTABLE|REQUEST_TIMEOUT|CONFLICT|GONE|UPGRADE_REQUIRED|TOO_MANY_REQUESTS|CLOSE|ILLEGAL)$/.test(name);
}
function isServerErrorStatus(v) {
  if (!v) return false;
  if (v.t === "const") return typeof v.v === "number" && (v.v >= 500 || v.v === -1);
  const name = globalPath(v);
  return name !== null && /^ngx\.(ERROR|HTTP_(INTERNAL_SERVER_ERROR|NOT_IMPLEMENTED|BAD_GATEWAY|SERVICE_UNAVAILABLE|GATEWAY_TIMEOUT|INSUFFICIENT_STORAGE))$/.test(name);
}

// src/analysis/interpret/guards.ts
function guards(cond, flow, ctx, scope) {
  const thenErr = /* @__PURE__ */ new Map();
  const elseErr = /* @__PURE__ */ new Map();
  const visit2 = (e, negated, depth) => {
    if (depth > 20) return;
    if (e.type === "UnaryExpression" && e.operator === "not") return visit2(e.argument, !negated, depth + 1);
    if (e.type === "LogicalExpression") {
      visit2(e.left, negated, depth + 1);
      visit2(e.right, negated, depth + 1);
      return;
    }
    if (e.type === "BinaryExpression" && (e.operator === "==" || e.operator === "~=")) {
      const isNil2 = (x) => x.type === "NilLiteral" || x.type === "BooleanLiteral" && !x.value;
      const other = isNil2(e.right) ? e.left : isNil2(e.left) ? e.right : null;
      if (other) return visit2(other, negated !== (e.operator === "=="), depth + 1);
      const str = e.right.type === "StringLiteral" ? e.left : e.left.type === "StringLiteral" ? e.right : null;
      if (str && e.operator === "==") {
        for (const f of failuresOf(peek(str, flow, ctx, scope), flow, "")) {
          if (f.truthyMeansFailure) (negated ? elseErr : thenErr).set(f.key, f.op);
        }
      }
      return;
    }
    const name = e.type === "Identifier" ? e.name : "";
    for (const failure of failuresOf(peek(e, flow, ctx, scope), flow, name)) {
      const target = failure.truthyMeansFailure !== negated ? thenErr : elseErr;
      target.set(failure.key, failure.op);
    }
  };
  visit2(cond, false, 0);
  return { thenErr, elseErr };
}
function enterError(flow, keys) {
  for (const [k, op] of keys) {
    flow.errorFor.set(k, op);
    const o = flow.objs.get(k);
    if (o && !o.status.has("escaped") && !o.status.has("passed")) o.status = /* @__PURE__ */ new Set(["errored"]);
  }
}
function failureFlag(value, flow, site2) {
  if (flow.errorFor.size === 0 || value.t !== "const" || value.v !== true) return void 0;
  const at2 = site2();
  const ops = [...flow.errorFor].map(([obj, method]) => ({ t: "op", obj, method, index: 1, site: at2 }));
  return ops.length === 1 ? ops[0] : { t: "phi", options: ops };
}
function peek(e, flow, ctx, scope) {
  if (e.type === "Identifier") return read(e.name, flow, ctx, scope);
  return ctx.file.callValues.get(e) ?? UNKNOWN;
}
function failuresOf(v, flow, name) {
  const out = [];
  for (const o of optionsOf(v)) {
    if (o.t === "op") {
      if (flow.objs.has(o.obj)) out.push({ key: o.obj, op: o.method, truthyMeansFailure: o.index >= 1 });
      continue;
    }
    if (o.t === "obj" && flow.objs.has(valueKey(o))) out.push({ key: valueKey(o), op: "new", truthyMeansFailure: false });
    if (o.t !== "call") continue;
    const first = valueKey({ ...o, index: 0 });
    const truthyMeansFailure = o.index >= 1 && !SUCCESS_NAME.test(name);
    if (flow.objs.has(first)) out.push({ key: first, op: "acquire", truthyMeansFailure });
    const helperFails = truthyMeansFailure || /^err(or)?(_?msg)?$/i.test(name);
    for (const a of o.args) {
      const k = a.t === "op" ? a.obj : valueKey(a);
      if (k !== first && flow.objs.has(k)) out.push({ key: k, op: calleeLabel(o.callee), truthyMeansFailure: helperFails });
    }
  }
  return out;
}
var SUCCESS_NAME = /^(ok|res|success|succeeded|connected)(_|$)/i;
function calleeLabel(v) {
  return v.t === "get" ? v.key : v.t === "global" ? v.name : "call";
}

// src/analysis/interpret/statements.ts
function block(body, flow, ctx, scope) {
  if (ctx.file.depth > MAX_DEPTH) {
    for (const o of flow.objs.values()) o.status = /* @__PURE__ */ new Set(["escaped"]);
    return;
  }
  ctx.file.depth++;
  try {
    statements(body, flow, ctx, scope);
  } finally {
    ctx.file.depth--;
  }
}
function statements(body, flow, ctx, scope) {
  for (const st of body) {
    if (flow.dead && !(st.type === "LabelStatement" && ctx.gotos.has(st.label.name))) continue;
    statement(st, flow, ctx, scope);
    if (flow.ended && !flow.dead) {
      ctx.ended[flow.ended] = true;
      if (flow.ended === "exit") pathEnd(flow, ctx, "exit", newSite(ctx.file, span(st)));
      flow.dead = true;
    }
  }
}
function statement(st, flow, ctx, scope) {
  switch (st.type) {
    case "LocalStatement": {
      const values = evalList(st.init, flow, ctx, scope, st.variables.length);
      st.variables.forEach((v, i) => declare(ctx, scope, v.name, values[i] ?? constant(null), flow));
      return;
    }
    case "AssignmentStatement": {
      const values = evalList(st.init, flow, ctx, scope, st.variables.length);
      st.variables.forEach((target, i) => {
        const value = values[i] ?? constant(null);
        const flag = target.type === "Identifier" ? failureFlag(value, flow, () => newSite(ctx.file, span(target))) : void 0;
        assignTo(target, flag ?? value, flow, ctx, scope);
      });
      return;
    }
    case "CallStatement":
      evalCall(st.expression, flow, ctx, scope, 0);
      return;
    case "FunctionDeclaration":
      functionStatement(st, flow, ctx, scope);
      return;
    case "ReturnStatement": {
      const values = evalList(st.arguments, flow, ctx, scope, st.arguments.length);
      if (flow.dead) return;
      const retSite = newSite(ctx.file, span(st));
      for (const v of values) escapeDeep(flow, v, ctx, retSite, true);
      ctx.file.facts.functions[ctx.id].returns.push(values);
      if (ctx.id === 0 && values[0] && (ctx.branchDepth === 0 || st.arguments[0]?.type !== "TableConstructorExpression")) {
        ctx.file.moduleReturns.push(values[0]);
      }
      if (flow.ended) return;
      ctx.ended.normal = true;
      if (!isErrorReturn(values)) pathEnd(flow, ctx, "return", retSite);
      flow.dead = true;
      return;
    }
    case "IfStatement":
      ifStatement(st, flow, ctx, scope);
      return;
    case "WhileStatement":
      evaluate(st.condition, flow, ctx, scope);
      loop(st.body, flow, ctx, new Scope(scope), void 0, alwaysTrue(st.condition));
      return;
    case "RepeatStatement": {
      const inner = new Scope(scope);
      loop(st.body, flow, ctx, inner, () => evaluate(st.condition, flow, ctx, inner), alwaysFalse(st.condition));
      return;
    }
    case "ForNumericStatement": {
      evaluate(st.start, flow, ctx, scope);
      evaluate(st.end, flow, ctx, scope);
      if (st.step) evaluate(st.step, flow, ctx, scope);
      const inner = new Scope(scope);
      declare(ctx, inner, st.variable.name, UNKNOWN, flow);
      loop(st.body, flow, ctx, inner);
      return;
    }
    case "ForGenericStatement": {
      for (const it of st.iterators) evaluate(it, flow, ctx, scope);
      const inner = new Scope(scope);
      for (const v of st.variables) declare(ctx, inner, v.name, UNKNOWN, flow);
      loop(st.body, flow, ctx, inner);
      return;
    }
    case "DoStatement":
      block(st.body, flow, ctx, new Scope(scope));
      return;
    case "BreakStatement": {
      const current = ctx.loops[ctx.loops.length - 1];
      if (current) current.exits.push(flow.clone());
      flow.dead = true;
      return;
    }
    case "GotoStatement": {
      const waiting = ctx.gotos.get(st.label.name) ?? [];
      waiting.push(flow.clone());
      ctx.gotos.set(st.label.name, waiting);
      flow.dead = true;
      return;
    }
    case "LabelStatement": {
      const waiting = ctx.gotos.get(st.label.name);
      if (waiting) {
        ctx.gotos.delete(st.label.name);
        replace(flow, Flow.join([flow, ...waiting]));
      }
      return;
    }
  }
}
function loop(body, flow, ctx, scope, after, endless = false) {
  const here = { exits: [] };
  const inBody = flow.clone();
  ctx.loops.push(here);
  ctx.branchDepth++;
  block(body, inBody, ctx, scope);
  ctx.branchDepth--;
  if (after && !inBody.dead) after();
  ctx.loops.pop();
  if (!endless) replace(flow, Flow.join([flow, inBody, ...here.exits]));
  else if (here.exits.length > 0) replace(flow, Flow.join(here.exits));
  else flow.dead = true;
}
function alwaysTrue(e) {
  return e.type === "BooleanLiteral" ? e.value : e.type === "NumericLiteral" || e.type === "StringLiteral";
}
function alwaysFalse(e) {
  return e.type === "BooleanLiteral" && !e.value || e.type === "NilLiteral";
}
function ifStatement(st, flow, ctx, scope) {
  const outs = [];
  let rest = flow;
  let hasElse = false;
  for (const clause of st.clauses) {
    if (clause.type === "ElseClause") {
      hasElse = true;
      const branch2 = rest.clone();
      ctx.branchDepth++;
      block(clause.body, branch2, ctx, new Scope(scope));
      ctx.branchDepth--;
      outs.push(branch2);
      break;
    }
    evaluate(clause.condition, rest, ctx, scope);
    const guard = guards(clause.condition, rest, ctx, scope);
    const branch = rest.clone();
    enterError(branch, guard.thenErr);
    ctx.branchDepth++;
    block(clause.body, branch, ctx, new Scope(scope));
    ctx.branchDepth--;
    outs.push(branch);
    const next = rest.clone();
    enterError(next, guard.elseErr);
    rest = next;
  }
  if (!hasElse) outs.push(rest);
  replace(flow, Flow.join(outs));
}
function functionStatement(st, flow, ctx, scope) {
  const id = st.identifier;
  if (st.isLocal && id && id.type === "Identifier") {
    const b = declare(ctx, scope, id.name, UNKNOWN, flow);
    const fn2 = closure(st, flow, ctx, scope, id.name, false);
    b.last = fn2;
    flow.vals.set(b.id, fn2);
    return;
  }
  if (!id) return;
  const hasSelf = id.type === "MemberExpression" && id.indexer === ":";
  const fn = closure(st, flow, ctx, scope, nameOf(id), hasSelf);
  if (id.type === "MemberExpression") {
    const owner = evaluate(id.base, flow, ctx, scope);
    if (owner.t === "table" && fn.t === "fn") ctx.file.facts.functions[fn.id].ownerTable = owner.id;
  }
  assignTo(id, fn, flow, ctx, scope);
}
function assignTo(target, value, flow, ctx, scope) {
  const site2 = () => newSite(ctx.file, span(target));
  const client = flow.objs.has(valueKey(value)) || value.t === "obj";
  if (target.type === "Identifier") {
    const b = scope.lookup(target.name);
    if (b) {
      if (client && b.fn === 0 && ctx.id !== 0) event(ctx, { kind: "shared", fn: ctx.id, site: site2(), target: value, how: "upvalue" });
      if (b.fn !== ctx.id) escape(flow, value, ctx, site2());
      assign(b, value, flow, ctx);
    } else {
      escape(flow, value, ctx, site2());
      if (ctx.id === 0) {
        (ctx.file.facts.globals ??= {})[target.name] = value;
        if (ctx.file.moduleTable !== void 0) ctx.file.facts.tables[ctx.file.moduleTable][target.name] = value;
      }
    }
    return;
  }
  if (target.type === "MemberExpression" || target.type === "IndexExpression") {
    const base = evaluate(target.base, flow, ctx, scope);
    const key = target.type === "MemberExpression" ? target.identifier.name : constKey(evaluate(target.index, flow, ctx, scope));
    if (base.t === "table" && key !== void 0) ctx.file.facts.tables[base.id][key] = value;
    if (base.t === "call" && key !== void 0 && ctx.id === 0) ((ctx.file.facts.callFields ??= {})[valueKey(base)] ??= {})[key] = value;
    if (key !== void 0 && valueKey(base) === "ngx.ctx" && (client || value.t === "call" || isNilValue(value))) event(ctx, { kind: "ctx-store", fn: ctx.id, site: site2(), slot: key, target: value });
    if (client && base.t === "table" && ctx.file.tableOwner[base.id] === 0) {
      event(ctx, { kind: "shared", fn: ctx.id, site: site2(), target: value, how: "module-field" });
    }
    escapeDeep(flow, value, ctx, site2());
  }
}
function isNilValue(v) {
  return v.t === "const" && v.v === null;
}
function isErrorReturn(values) {
  const first = values[0];
  return values.length >= 2 && first?.t === "const" && (first.v === null || first.v === false);
}
function nameOf(id) {
  if (id.type === "Identifier") return id.name;
  const base = id.base.type === "Identifier" || id.base.type === "MemberExpression" ? nameOf(id.base) : "?";
  return `${base}${id.indexer}${id.identifier.name}`;
}

// src/analysis/interpret/chunk.ts
var MAX_PASSES = 4;
function interpretChunk(chunk) {
  const ends = /* @__PURE__ */ new Map();
  for (let pass = 1; ; pass++) {
    const file = newFileState(ends);
    const facts = interpretOnce(chunk, file);
    if (pass === MAX_PASSES || ![...file.calledEarly].some((start2) => ends.has(start2))) return facts;
  }
}
function interpretOnce(chunk, file) {
  const facts = file.facts;
  const main = newFunction(file, "<main chunk>", -1, 0, span(chunk));
  const scope = new Scope(null);
  const flow = new Flow();
  const ctx = newFnCtx(file, main.id);
  block(chunk.body, flow, ctx, scope);
  const fnMain = facts.functions[main.id];
  const last = chunk.body[chunk.body.length - 1];
  if (last && last.type === "ReturnStatement" && last.arguments.length > 0) {
    facts.returnsValue = true;
    facts.exports = fnMain.returns[fnMain.returns.length - 1]?.[0] ?? UNKNOWN;
  }
  const shaped = file.moduleReturns.find(moduleLike);
  if (shaped) {
    facts.moduleShaped = true;
    if (!facts.returnsValue) facts.exports = shaped;
  }
  if (file.moduleTable !== void 0) {
    facts.moduleShaped = true;
    if (!facts.returnsValue) facts.exports = { t: "table", id: file.moduleTable };
  }
  if (!flow.dead) pathEnd(flow, ctx, "end", newSite(file, [span(chunk)[1], span(chunk)[1]]));
  for (let i = 0; i < file.pending.length; i++) functionBody(file, file.pending[i]);
  facts.requires.sort();
  return facts;
}
function moduleLike(v) {
  if (v.t === "phi") return v.options.some(moduleLike);
  return v.t === "table" || v.t === "fn" || v.t === "obj" || v.t === "require";
}
function functionBody(file, p) {
  const scope = new Scope(p.scope);
  const flow = new Flow();
  const ctx = newFnCtx(file, p.id);
  let index = 0;
  if (p.hasSelf) declare(ctx, scope, "self", { t: "param", index: index++ }, flow);
  for (const prm of p.node.parameters) {
    if (prm.type === "Identifier") declare(ctx, scope, prm.name, { t: "param", index: index++ }, flow);
  }
  block(p.node.body, flow, ctx, scope);
  if (!flow.dead) {
    ctx.ended.normal = true;
    pathEnd(flow, ctx, "end", newSite(file, [span(p.node)[1] - 3, span(p.node)[1]]));
  }
  const f = file.facts.functions[p.id];
  const ends = ctx.ended.normal ? void 0 : ctx.ended.exit ? "exit" : ctx.ended.error ? "error" : void 0;
  if (ends) {
    f.ends = ends;
    file.ends.set(f.span[0], ends);
  } else file.ends.delete(f.span[0]);
}

// src/source/source-text.ts
var BOM = Buffer.from([239, 187, 191]);
var SourceText = class _SourceText {
  /** The file's bytes as a latin1 string, BOM removed: the string every parser reads. */
  latin1;
  /** Byte length of a leading UTF-8 BOM (0 or 3); parser offsets are relative to the text after it. */
  bomLength;
  bytes;
  lineStarts;
  constructor(bytes) {
    this.bomLength = bytes.subarray(0, 3).equals(BOM) ? 3 : 0;
    this.bytes = bytes;
    this.latin1 = bytes.toString("latin1", this.bomLength);
  }
  static fromString(text) {
    return new _SourceText(Buffer.from(text, "utf8"));
  }
  /** Offsets (into `latin1`) where each line starts; CRLF, CR and LF each end a line, as in Lua and nginx. */
  starts() {
    if (this.lineStarts) return this.lineStarts;
    const s = this.latin1;
    const starts = [0];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (s.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
    return starts;
  }
  get lineCount() {
    return this.starts().length;
  }
  /** Line (1-based) containing a parser offset. */
  lineOf(offset) {
    const starts = this.starts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  /** SARIF position of a parser offset: the column counts the UTF-16 units of the line's bytes before it. */
  position(offset) {
    const line = this.lineOf(offset);
    const start2 = this.starts()[line - 1];
    const from = this.bomLength + start2;
    const to = this.bomLength + Math.max(start2, Math.min(offset, this.latin1.length));
    return { line, column: utf16Length(this.bytes.subarray(from, to)) + 1 };
  }
  /** The text of a 1-based line as UTF-8, without its line terminator (for reports and fingerprints). */
  lineText(line) {
    const starts = this.starts();
    if (line < 1 || line > starts.length) return "";
    const start2 = starts[line - 1];
    let end = line < starts.length ? starts[line] : this.latin1.length;
    while (end > start2 && (this.latin1.charCodeAt(end - 1) === 10 || this.latin1.charCodeAt(end - 1) === 13)) end--;
    return this.bytes.toString("utf8", this.bomLength + start2, this.bomLength + end);
  }
};
function utf16Length(bytes) {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] >= 128) {
      ascii = false;
      break;
    }
  }
  return ascii ? bytes.length : bytes.toString("utf8").length;
}
function bytesToUtf8(latin1) {
  return Buffer.from(latin1, "latin1").toString("utf8");
}

// src/model/pool-key.ts
function familyKeyText(expression, origin) {
  return `${expression} @ ${origin.id}`;
}
function describeOrigin(origin) {
  return origin.kind === "plugin" ? `plugin ${origin.file}` : `${origin.function}() in ${origin.file}`;
}
function describeKey(key) {
  const text = bytesToUtf8(key.family ? key.family.expression : key.text);
  return key.symbolic ? `\`${text}\`` : `"${text}"`;
}
function familyNote(key) {
  if (!key.family) return "";
  const { origin } = key.family;
  const what = origin.kind === "plugin" ? `the configuration of ${describeOrigin(origin)}` : `the arguments of ${describeOrigin(origin)}`;
  return `The key depends on ${what}: whatever its value, every site reached with it uses one pool. `;
}
function literalPort(key) {
  return key?.server.kind === "tcp" && /^\d+$/.test(key.server.port) ? Number(key.server.port) : void 0;
}

// src/pool-keys/key-value.ts
function lit(value) {
  return { kind: "literal", value };
}
function isAbsent(v) {
  return v === void 0 || v.kind === "literal" && v.value === null;
}
function keyPart(v) {
  if (!v) return null;
  if (v.kind === "literal" && (typeof v.value === "string" || typeof v.value === "number")) return { text: luaToString(v.value), symbolic: false };
  if (v.kind === "symbol") return { text: v.text.includes("${") ? v.text : `\${${v.text}}`, symbolic: true, ...v.origin ? { origin: v.origin } : {} };
  return null;
}
function luaToString(v) {
  return typeof v === "number" ? String(v) : v;
}
function joinKey(parts, server2) {
  if (parts.some((p) => p === null)) return null;
  const ps = parts;
  const texts = ps.map((p) => p.text);
  return keyOf(texts.join(":"), ps, server2(texts));
}
function namedKey(part) {
  return part && keyOf(part.text, [part], { kind: "named" });
}
function keyOf(text, parts, server2) {
  const origins = [...new Map(parts.flatMap((p) => p.origin ? [[p.origin.id, p.origin]] : [])).values()];
  if (origins.length > 1) return null;
  const symbolic = parts.some((p) => p.symbolic);
  if (origins.length === 0) return { text, symbolic, server: server2 };
  return { text: familyKeyText(text, origins[0]), symbolic, server: server2, family: { expression: text, origin: origins[0] } };
}
function tcp(host, port) {
  return { kind: "tcp", host, port };
}
function fieldsOf(v) {
  return v?.kind === "table" ? (name) => v.field(name) : null;
}
function optsPool(opts) {
  if (isAbsent(opts)) return void 0;
  if (opts.kind !== "table") return null;
  const pool = opts.field("pool");
  if (isAbsent(pool)) return void 0;
  return namedKey(keyPart(pool));
}
function numberOf(v) {
  if (isAbsent(v)) return void 0;
  return v.kind === "literal" && typeof v.value === "number" ? v.value : null;
}
function present(v) {
  return isAbsent(v) ? void 0 : v;
}

// src/pool-keys/host-port.ts
function hostPortKeys(opts) {
  return {
    key: (inputs) => hostPortKey(inputs, opts.unixPrefixCaseSensitive),
    options: (inputs) => present(secondIsPort(inputs) ? inputs.arg(2) : inputs.arg(1))
  };
}
function secondIsPort(inputs) {
  const second = inputs.arg(1);
  return second?.kind === "literal" && typeof second.value === "number";
}
function hostPortKey(inputs, unixCaseSensitive) {
  const host = inputs.arg(0);
  const second = inputs.arg(1);
  const hostText = host?.kind === "literal" && typeof host.value === "string" ? host.value : void 0;
  const isUnix = hostText !== void 0 && !secondIsPort(inputs) && (unixCaseSensitive ? hostText.startsWith("unix:") : hostText.toLowerCase().startsWith("unix:"));
  const pool = optsPool(isUnix ? second : inputs.arg(2));
  if (pool !== void 0) return pool;
  if (isUnix) return { text: hostText, symbolic: false, server: { kind: "unix", path: hostText.slice("unix:".length) } };
  return joinKey([keyPart(host), keyPart(second)], ([h, p]) => tcp(h, p));
}
function declaredPoolKey(text) {
  const tcpName = /^(.+):(\d+)$/.exec(text);
  if (tcpName) return { text, symbolic: false, server: tcp(tcpName[1], tcpName[2]) };
  if (/^unix:/i.test(text)) return { text, symbolic: false, server: { kind: "unix", path: text.slice("unix:".length) } };
  return { text, symbolic: false, server: { kind: "named" } };
}

// src/pool-keys/http.ts
var URI = /^(https?):\/\/(\[[^\]]*\]|[^/:?#]+)(?::(\d+))?/;
var httpKeys = {
  key(inputs) {
    const first = inputs.arg(0);
    if (first?.kind === "table") return tableKey(first);
    if (first?.kind === "literal" && typeof first.value === "string" && /^https?:\/\//.test(first.value)) return uriKey(first.value, inputs.arg(1));
    if (inputs.method === "request_uri") return null;
    return hostPortKey(inputs, false);
  },
  options: (inputs) => present(inputs.arg(0))
};
var server = (texts) => tcp(texts[1], texts[2]);
function tableKey(opts) {
  const get = (name) => opts.field(name);
  const pool = optsPool(opts);
  if (pool !== void 0) return pool;
  const scheme = get("scheme") ?? lit("http");
  const https = scheme.kind === "literal" && scheme.value === "https";
  const host = get("host");
  const port = get("port") ?? lit(https ? 443 : 80);
  const sni = https ? get("ssl_server_name") ?? lit("") : lit("");
  const verify = https ? get("ssl_verify") ?? lit("true") : lit("nil");
  const proxy = get("proxy_opts") === void 0 ? lit("") : void 0;
  return joinKey([keyPart(scheme), keyPart(host), keyPart(port), keyPart(lit(https ? "true" : "nil")), keyPart(sni), keyPart(verify), keyPart(proxy)], server);
}
function uriKey(uri, paramsArg) {
  const m = URI.exec(uri);
  if (!m) return null;
  const https = m[1] === "https";
  const params = fieldsOf(paramsArg);
  return joinKey(
    [
      keyPart(lit(m[1])),
      keyPart(lit(m[2])),
      keyPart(lit(m[3] ?? (https ? "443" : "80"))),
      keyPart(lit(https ? "true" : "nil")),
      keyPart(https ? params?.("ssl_server_name") ?? lit(m[2]) : lit("")),
      keyPart(https ? params?.("ssl_verify") ?? lit("true") : lit("nil")),
      keyPart(lit(""))
    ],
    server
  );
}

// src/pool-keys/mysql.ts
var mysqlKeys = {
  key(inputs) {
    const opts = inputs.arg(0);
    const get = fieldsOf(opts);
    if (!get) return null;
    const pool = optsPool(opts);
    if (pool !== void 0) return pool;
    const prefix = [keyPart(get("user") ?? lit("")), keyPart(get("database") ?? lit(""))];
    const path22 = get("path");
    if (!isAbsent(path22)) return joinKey([...prefix, keyPart(path22)], ([, , p]) => ({ kind: "unix", path: p }));
    const port = get("port");
    return joinKey([...prefix, keyPart(get("host")), keyPart(isAbsent(port) ? lit(3306) : port)], ([, , h, p]) => tcp(h, p));
  },
  options: (inputs) => present(inputs.arg(0))
};

// src/pool-keys/pgmoon.ts
var pgmoonKeys = {
  key(inputs) {
    const get = fieldsOf(inputs.ownCtorArg(0));
    if (!get) return null;
    const name = get("pool_name");
    if (name && !isAbsent(name)) return namedKey(keyPart(name));
    return joinKey(
      [keyPart(get("host") ?? lit("127.0.0.1")), keyPart(get("port") ?? lit("5432")), keyPart(get("database") ?? lit("")), keyPart(get("user") ?? lit("postgres"))],
      ([h, p]) => tcp(h, p)
    );
  },
  options: () => void 0
};

// src/pool-keys/redis-connector.ts
var URL = /^redis:\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^/:]+)(?::(\d+))?/;
var redisConnectorKeys = {
  key(inputs) {
    const config = inputs.ctorArgOfArg(0, 0);
    if (config === null) return null;
    const paramsArg = inputs.arg(1);
    const params = paramsArg?.kind === "table" ? paramsArg : void 0;
    if (!params && paramsArg !== void 0 && paramsArg.kind !== "literal") return null;
    const get = (name) => params?.field(name) ?? (config?.kind === "table" ? config.field(name) : void 0);
    if (get("sentinels") !== void 0 || get("master_name") !== void 0) return null;
    const connOpts = get("connection_options");
    const pool = connOpts ? optsPool(connOpts) : void 0;
    if (pool !== void 0) return pool;
    const url = get("url");
    if (url) {
      if (!(url.kind === "literal" && typeof url.value === "string")) return null;
      const m = URL.exec(url.value);
      if (!m) return null;
      const port = m[2] ?? "6379";
      return { text: `${m[1]}:${port}`, symbolic: false, server: tcp(m[1], port) };
    }
    const path22 = get("path");
    if (path22 && !isAbsent(path22)) {
      return joinKey([keyPart(path22)], ([p]) => ({ kind: "unix", path: p.replace(/^unix:/i, "") }));
    }
    return joinKey([keyPart(get("host") ?? lit("127.0.0.1")), keyPart(get("port") ?? lit(6379))], ([h, p]) => tcp(h, p));
  },
  options: () => void 0
};

// src/pool-keys/websocket.ts
var URI2 = /^(wss?):\/\/(\[[^\]]*\]|[^/:?#]+)(?::(\d+))?/;
var websocketKeys = {
  key(inputs) {
    const pool = optsPool(inputs.arg(1));
    if (pool !== void 0) return pool;
    const uri = inputs.arg(0);
    if (!(uri?.kind === "literal" && typeof uri.value === "string")) return null;
    const m = URI2.exec(uri.value);
    if (!m) return null;
    const port = m[3] ?? (m[1] === "wss" ? "443" : "80");
    return { text: `${m[2]}:${port}`, symbolic: false, server: tcp(m[2], port) };
  },
  options: (inputs) => present(inputs.arg(1))
};

// src/pool-keys/builder-for.ts
var HOST_PORT = hostPortKeys({ unixPrefixCaseSensitive: true });
var HOST_PORT_ANY_CASE = hostPortKeys({ unixPrefixCaseSensitive: false });
var UNKNOWN_KEYS = { key: () => null, options: () => void 0 };
function poolKeyBuilder(rule17) {
  switch (rule17.kind) {
    case "host-port":
      return rule17.unixPrefixCaseSensitive ? HOST_PORT : HOST_PORT_ANY_CASE;
    case "mysql-options":
      return mysqlKeys;
    case "http":
      return httpKeys;
    case "pgmoon-config":
      return pgmoonKeys;
    case "websocket-uri":
      return websocketKeys;
    case "redis-connector":
      return redisConnectorKeys;
    case "unknown":
      return UNKNOWN_KEYS;
  }
}

// src/link/event-index.ts
var EventIndex = class {
  connectsByTarget = /* @__PURE__ */ new Map();
  byFn = /* @__PURE__ */ new Map();
  newBySite = /* @__PURE__ */ new Map();
  passBySiteTarget = /* @__PURE__ */ new Map();
  escaped = /* @__PURE__ */ new Set();
  constructor(facts) {
    for (const e of facts.events) {
      push(this.byFn, e.fn, e);
      if (e.kind === "connect") push(this.connectsByTarget, valueKey(e.target), e);
      else if (e.kind === "new") this.newBySite.set(e.site, e);
      else if (e.kind === "pass") this.passBySiteTarget.set(`${e.site}|${valueKey(e.target)}`, e);
      else if (e.kind === "escape") this.escaped.add(valueKey(e.target));
    }
  }
  connectsOf(targetKey) {
    return this.connectsByTarget.get(targetKey) ?? [];
  }
  eventsOf(fn) {
    return this.byFn.get(fn) ?? [];
  }
  /** The value is stored or captured beyond the function that holds it somewhere in the file. */
  escapes(targetKey) {
    return this.escaped.has(targetKey);
  }
  newAt(site2) {
    return this.newBySite.get(site2);
  }
  passAt(site2, targetKey) {
    return this.passBySiteTarget.get(`${site2}|${targetKey}`);
  }
};
var cache = /* @__PURE__ */ new WeakMap();
function eventIndex(facts) {
  let index = cache.get(facts);
  if (!index) {
    index = new EventIndex(facts);
    cache.set(facts, index);
  }
  return index;
}
function push(map, key, value) {
  const list2 = map.get(key);
  if (list2) list2.push(value);
  else map.set(key, [value]);
}

// src/link/key-inputs.ts
function keyInputs(scope, args, objSite, method) {
  const value = (v) => v === void 0 ? void 0 : keyValue(scope.resolver, scope.resolver.resolveOne(scope.file, v, scope.env));
  return {
    ...method !== void 0 ? { method } : {},
    arg: (i) => value(args[i]),
    ownCtorArg: (i) => value(scope.ctorArgs(objSite)?.[i]),
    ctorArgOfArg(argIndex, i) {
      const obj = args[argIndex];
      return obj?.t === "obj" ? value(scope.ctorArgs(obj.site)?.[i]) : null;
    }
  };
}
function keyValue(resolver, r) {
  switch (r.r) {
    case "const":
      return { kind: "literal", value: r.v };
    case "sym":
      return { kind: "symbol", text: r.text, ...r.origin ? { origin: r.origin } : {} };
    case "table":
      return {
        kind: "table",
        field(name) {
          const f = resolver.factsOf(r.file)?.tables[r.id]?.[name];
          return f === void 0 ? void 0 : keyValue(resolver, resolver.resolveOne(r.file, f, null));
        }
      };
    default:
      return { kind: "unknown" };
  }
}

// src/link/client-objects.ts
var ClientObjects = class {
  constructor(resolver, units) {
    this.resolver = resolver;
    for (const unit of units.values()) {
      for (const e of unit.facts.events) {
        if (e.kind !== "ctx-store") continue;
        const list2 = this.ctxStores.get(e.slot) ?? [];
        list2.push({ file: unit.path, target: e.target });
        this.ctxStores.set(e.slot, list2);
      }
    }
  }
  resolver;
  /** What each `ngx.ctx` slot is filled with, anywhere in the project. */
  ctxStores = /* @__PURE__ */ new Map();
  /** The client objects a tracked value denotes, following wrappers that return them. */
  of(file, target, depth = 0) {
    if (target.t === "obj") return [{ r: "obj", file, site: target.site, client: target.client, env: null }];
    const slot = ctxSlot(target);
    if (slot !== void 0) {
      if (depth > 2) return [];
      return (this.ctxStores.get(slot) ?? []).flatMap((s) => this.of(s.file, s.target, depth + 1));
    }
    if (target.t !== "call") return [];
    return this.resolver.resolve(file, target, null).filter((r) => r.r === "obj");
  }
};

// src/link/ctx-getters.ts
function staleCtxReleases(units, objects, site2) {
  const out = [];
  const getters = /* @__PURE__ */ new Map();
  for (const unit of units.values()) {
    for (const fn of unit.facts.functions) {
      for (const ret of fn.returns) {
        for (const v of ret[0] ? optionsOf(ret[0]) : []) {
          const slot = ctxSlot(v);
          if (slot !== void 0 && !getters.has(slot)) getters.set(slot, { unit, fn: fn.id });
        }
      }
    }
  }
  if (getters.size === 0) return out;
  for (const unit of units.values()) {
    for (const e of unit.facts.events) {
      if (e.kind !== "release" || e.implicit || e.errorPath) continue;
      const slot = ctxSlot(e.target);
      const getter = slot === void 0 ? void 0 : getters.get(slot);
      if (!getter || getter.unit === unit && getter.fn === e.fn) continue;
      const cleared = eventIndex(unit.facts).eventsOf(e.fn).some((x) => x.kind === "ctx-store" && x.slot === slot && x.site > e.site && x.target.t === "const" && x.target.v === null);
      if (cleared) continue;
      const client = objects.of(unit.path, e.target)[0]?.client ?? "client";
      const gfn = getter.unit.facts.functions[getter.fn];
      out.push({ ...site2(unit, e, client), slot, via: e.method, getter: getter.unit.locate(gfn.span), getterName: gfn.name });
    }
  }
  return out;
}

// src/link/pass-effects.ts
var PassEffects = class {
  constructor(resolver, units, wrappers, objects) {
    this.resolver = resolver;
    this.units = units;
    this.wrappers = wrappers;
    this.objects = objects;
  }
  resolver;
  units;
  wrappers;
  objects;
  /** Client objects that callers anywhere in the project pass as argument `index` of function `fn`. */
  clientsPassedTo(file, fn, index, depth) {
    if (depth > 3) return [];
    const out = [];
    for (const { unit, pass } of this.callers().get(`${file}#${fn}`) ?? []) {
      if (pass.argIndex !== index) continue;
      if (pass.target.t === "param") out.push(...this.clientsPassedTo(unit.path, pass.fn, pass.target.index, depth + 1));
      else out.push(...this.objects.of(unit.path, pass.target));
    }
    return out;
  }
  callerIndex;
  /** Every pass event, by the function it calls (`file#fnId`); built on first use. */
  callers() {
    if (this.callerIndex) return this.callerIndex;
    const index = /* @__PURE__ */ new Map();
    for (const unit of this.units.values()) {
      for (const pass of unit.facts.events) {
        if (pass.kind !== "pass") continue;
        const callees = this.resolver.resolve(unit.path, pass.callee, null);
        if (callees.length !== 1 || callees[0].r !== "fn") continue;
        const key = `${callees[0].file}#${callees[0].id}`;
        const list2 = index.get(key) ?? [];
        list2.push({ unit, pass });
        index.set(key, list2);
      }
    }
    this.callerIndex = index;
    return index;
  }
  leaveUnreleased(unit, e) {
    for (const site2 of e.passSites) {
      const pass = eventIndex(unit.facts).passAt(site2, valueKey(e.target));
      if (!pass || this.effectOf(unit.path, pass, 0) !== "none") return false;
    }
    return true;
  }
  /** What a callee does to the argument it is passed: keeps it alive, closes it, nothing, or unknown. */
  effectOf(file, pass, depth) {
    if (depth > 6) return "unknown";
    const callees = this.resolver.resolve(file, pass.callee, null);
    const declared = callees.length === 1 ? this.wrappers.match(callees[0]) : void 0;
    if (declared) {
      const { kind, argument = 1 } = declared.spec;
      if (kind === "acquire" || pass.argIndex !== argument - 1 + (pass.selfCall ? 1 : 0)) return "unknown";
      return kind === "release-long" ? "long" : "short";
    }
    if (callees.length !== 1 || callees[0].r !== "fn") return "unknown";
    const { file: calleeFile, id } = callees[0];
    const callee = this.units.get(calleeFile);
    if (!callee) return "unknown";
    const paramKey = valueKey({ t: "param", index: pass.argIndex });
    let long = false;
    let short = false;
    let unknown = false;
    for (const e of eventIndex(callee.facts).eventsOf(id)) {
      if (e.kind === "call" || valueKey(e.target) !== paramKey) continue;
      if (e.kind === "release" && !e.errorPath) {
        if (e.mode === "long") long = true;
        else short = true;
      } else if (e.kind === "escape") {
        unknown = true;
      } else if (e.kind === "pass") {
        const inner = this.effectOf(calleeFile, e, depth + 1);
        if (inner === "long") long = true;
        else if (inner === "short") short = true;
        else if (inner === "unknown") unknown = true;
      }
    }
    if (long) return "long";
    if (short) return "short";
    if (unknown || returnsParam(callee.facts, id, paramKey)) return "unknown";
    return "none";
  }
  /** The idle timeout and pool size a release wrapper's keepalive call gets, evaluated with the literal
   *  arguments of this call (`keepalive(db, 0, 100)` → 0, 100); nothing when the wrapper is not one known
   *  function with one keepalive call on that parameter. */
  keepaliveArgsThrough(file, pass, client) {
    const callees = this.resolver.resolve(file, pass.callee, null);
    if (callees.length !== 1 || callees[0].r !== "fn") return {};
    const callee = this.units.get(callees[0].file);
    if (!callee) return {};
    const paramKey = valueKey({ t: "param", index: pass.argIndex });
    const releases = eventIndex(callee.facts).eventsOf(callees[0].id).filter((x) => x.kind === "release" && x.mode === "long" && !x.errorPath && !x.implicit && valueKey(x.target) === paramKey);
    if (releases.length !== 1) return {};
    const profile = clientProfile(client);
    const env = this.resolver.envFor((pass.args ?? []).map((value) => ({ file, value, env: null })));
    const arg = (i) => {
      const v = i === void 0 ? void 0 : releases[0].args[i];
      if (v === void 0) return void 0;
      const r = this.resolver.resolveOne(callee.path, v, env);
      if (r.r === "const" && r.v === null) return void 0;
      return r.r === "const" && typeof r.v === "number" ? r.v : null;
    };
    const timeoutArg = profile?.keepaliveTimeoutArg;
    const written = timeoutArg === void 0 ? void 0 : releases[0].args[timeoutArg];
    return { timeoutMs: arg(timeoutArg), poolSize: arg(profile?.keepalivePoolSizeArg), ...written?.t === "const" ? { timeoutInWrapper: true } : {} };
  }
};
function returnsParam(facts, fn, paramKey) {
  return facts.functions[fn].returns.some((r) => r.some((v) => valueKey(v) === paramKey));
}

// src/link/link.ts
var Linker = class {
  constructor(resolver, units, wrappers) {
    this.resolver = resolver;
    this.units = units;
    this.wrappers = wrappers;
    this.objects = new ClientObjects(resolver, units);
    this.passes = new PassEffects(resolver, units, wrappers, this.objects);
  }
  resolver;
  units;
  wrappers;
  objects;
  passes;
  link(unit, model) {
    for (const e of unit.facts.events) {
      switch (e.kind) {
        case "release":
        case "pass":
        case "unreleased":
          this.lifecycle(unit, e, model);
          break;
        case "connect":
          this.connect(unit, e, model);
          break;
        case "use-after-release":
          this.useAfterRelease(unit, e, model);
          break;
        case "shared":
          this.shared(unit, e, model);
          break;
        default:
          break;
      }
    }
  }
  site(unit, e, client, site2 = e.site) {
    return {
      client,
      location: unit.locate(unit.facts.sites[site2]),
      unit: unit.path,
      functionName: unit.facts.functions[e.fn]?.name ?? "?"
    };
  }
  lifecycle(unit, e, model) {
    if (e.kind === "release" && e.target.t === "param") this.wrapperKeepalive(unit, e, model);
    if (ownedByCaller(e.target)) return;
    if (e.kind === "unreleased" && e.ifEnds && !this.alwaysExits(unit.path, e.ifEnds)) return;
    if (e.kind === "release" && e.after && this.endedBefore(unit, e)) return;
    for (const obj of this.objects.of(unit.path, e.target)) {
      if (clientProfile(obj.client)?.unprofiled && !(e.kind === "release" && e.mode === "long")) continue;
      const subscribed = e.kind === "release" && e.mode === "long" && e.session.subscribed || e.kind === "pass" && e.subscribed && this.passes.effectOf(unit.path, e, 0) === "long";
      if (subscribed) {
        const site2 = this.site(unit, e, obj.client);
        const refused = e.kind === "release" ? { method: e.method, error: "subscribed state" } : { method: "set_keepalive", error: "subscribed state", through: calleeName(e.callee, unit.facts) };
        model.unreleased.push({ ...site2, pathEnd: site2.location, end: "return", refused });
        continue;
      }
      if (e.kind === "unreleased") {
        const unreleased = this.unreleasedSite(unit, e, obj);
        if (unreleased === void 0) continue;
        model.unreleased.push({ ...this.site(unit, e, obj.client, unreleased), pathEnd: unit.locate(unit.facts.sites[e.site]), end: e.end, ...this.earlyEnd(unit, e) });
      }
      const keys = this.keysOf(unit, obj, e.fn, e.target);
      for (const key of keys.length > 0 ? keys : [null]) {
        const use = this.toUse(unit, e, obj, key);
        if (use) model.poolUses.push(use);
      }
    }
  }
  toUse(unit, e, obj, key) {
    const none = { db: void 0, multi: false };
    const base = { ...this.site(unit, e, obj.client), key, unreadBody: false, implicit: false, session: none };
    switch (e.kind) {
      case "release": {
        const profile = clientProfile(obj.client);
        if (failedConnect(profile, e.errorOp)) return null;
        const numberArg = (i) => i === void 0 ? void 0 : this.numberOf(unit.path, e.args[i]);
        return {
          ...base,
          mode: e.mode,
          errorPath: e.errorPath,
          errorOp: e.errorOp,
          via: e.method,
          timeoutMs: e.mode === "long" && !e.implicit ? numberArg(profile?.keepaliveTimeoutArg) : void 0,
          poolSize: e.mode === "long" && !e.implicit ? numberArg(profile?.keepalivePoolSizeArg) : void 0,
          session: e.session,
          unreadBody: e.unreadBody,
          implicit: e.implicit === true
        };
      }
      case "pass": {
        if (failedConnect(clientProfile(obj.client), e.errorOp)) return null;
        const effect = this.passes.effectOf(unit.path, e, 0);
        if (effect !== "long" && effect !== "short") return null;
        const use = { ...base, mode: effect, errorPath: e.errorPath, via: calleeName(e.callee, unit.facts) };
        return effect === "long" ? { ...use, ...this.passes.keepaliveArgsThrough(unit.path, e, obj.client) } : use;
      }
      case "unreleased": {
        const at2 = this.unreleasedSite(unit, e, obj);
        if (at2 === void 0) return null;
        return {
          ...base,
          ...this.site(unit, e, obj.client, at2),
          mode: "unreleased",
          errorPath: false,
          pathEnd: unit.locate(unit.facts.sites[e.site]),
          via: e.end === "exit" ? "ngx.exit" : "request end",
          session: e.session,
          ...this.earlyEnd(unit, e)
        };
      }
    }
  }
  /** Where an unreleased path ended, as the model grades it: an early return or exit inside a branch (rare
   *  paths: input checks, another backend's failure), while another path of the function does release it.
   *  When no path releases it, the early ends are all there is: the main path. */
  earlyEnd(unit, e) {
    if (!e.early) return {};
    const target = valueKey(e.target);
    const released = eventIndex(unit.facts).eventsOf(e.fn).some((x) => (x.kind === "release" || x.kind === "pass") && !x.errorPath && valueKey(x.target) === target);
    if (!released) return {};
    return { early: true, ...e.afterFailureOf !== void 0 ? { afterFailureOf: e.afterFailureOf } : {} };
  }
  /** A keepalive call on a parameter: the clients callers pass name the library (its timeout argument);
   *  with none known, only set_keepalive/setkeepalive, which every cosocket library names so, count. */
  wrapperKeepalive(unit, e, model) {
    if (e.mode !== "long" || e.implicit || e.target.t !== "param") return;
    const clients = [...new Set(this.passes.clientsPassedTo(unit.path, e.fn, e.target.index, 0).map((o) => o.client))];
    const profile = clients.length === 1 ? clientProfile(clients[0]) : void 0;
    if (!profile && !["set_keepalive", "setkeepalive"].includes(e.method)) return;
    if (profile && !profile.keepaliveMethods.includes(e.method)) return;
    const timeoutArg = profile?.keepaliveTimeoutArg ?? 0;
    model.wrapperKeepalives.push({ ...this.site(unit, e, profile ? clients[0] : "client"), via: e.method, timeoutMs: this.numberOf(unit.path, e.args[timeoutArg]) });
  }
  /** Where to report a connected client left unreleased: its connect, or the call that returned it
   *  connected; undefined when this path does not really leave it unreleased. */
  unreleasedSite(unit, e, obj) {
    if (e.passSites.length > 0 && !this.passes.leaveUnreleased(unit, e)) return void 0;
    if (e.connectSites.length > 0) return e.connectSites[0];
    if (e.target.t !== "call") return void 0;
    if (!this.connectedByCreator(obj) && this.connectsAlongCall(unit.path, e.target, obj, 0).length === 0) return void 0;
    return e.target.site;
  }
  /** Connects of `obj` made by the functions a call goes through on its way to returning it: the callee's own
   *  connects of the value it returns, then the callee's callee's (a few levels). */
  connectsAlongCall(file, call, obj, depth) {
    if (call.t !== "call" || depth > 3) return [];
    const out = [];
    for (const callee of this.resolver.resolve(file, call.callee, null)) {
      if (callee.r !== "fn") continue;
      const unit = this.units.get(callee.file);
      if (!unit) continue;
      for (const e of eventIndex(unit.facts).eventsOf(callee.id)) {
        if (e.kind !== "connect" || e.target.t === "obj") continue;
        if (this.objects.of(callee.file, e.target).some((o) => o.file === obj.file && o.site === obj.site)) out.push({ file: callee.file, event: e });
      }
      for (const ret of unit.facts.functions[callee.id]?.returns ?? []) {
        if (ret[0]?.t === "call") out.push(...this.connectsAlongCall(callee.file, ret[0], obj, depth + 1));
      }
    }
    return out;
  }
  /** The code that created the object connected it, and kept it nowhere but in what it returned: a
   *  creator that also stores it or hands it to a closure (a hook that releases it later) decides its fate. */
  connectedByCreator(obj) {
    if (this.wrappers.spec(obj.file)) return true;
    const owner = this.units.get(obj.file);
    if (!owner) return false;
    const key = valueKey({ t: "obj", client: obj.client, site: obj.site });
    const index = eventIndex(owner.facts);
    return index.connectsOf(key).length > 0 && !index.escapes(key);
  }
  connect(unit, e, model) {
    if (ownedByCaller(e.target)) return;
    for (const obj of this.objects.of(unit.path, e.target)) {
      const profile = profileFor(e.keyRule ?? obj.client);
      if (!profile) continue;
      const inputs = keyInputs(this.keyScope(unit.path, this.resolver.rootEnv(unit.path, e.fn)), e.args, obj.site, e.method);
      const key = poolKeyBuilder(profile.poolKey).key(inputs);
      if (!key) continue;
      const opts = poolKeyBuilder((profileFor(obj.client) ?? profile).poolKey).options(inputs);
      const poolSize = opts === void 0 ? void 0 : opts.kind === "table" ? numberOf(opts.field("pool_size")) : null;
      model.connects.push({ ...this.site(unit, e, obj.client), key, poolSize });
    }
  }
  useAfterRelease(unit, e, model) {
    const objs = e.target.t === "param" ? this.passes.clientsPassedTo(unit.path, e.fn, e.target.index, 0) : this.objects.of(unit.path, e.target);
    const client = objs[0]?.client;
    if (!client || clientProfile(client)?.unprofiled) return;
    const reconnect = e.reconnect;
    model.useAfterRelease.push({
      ...this.site(unit, e, client),
      method: e.method,
      previous: e.previous.map((s) => unit.locate(unit.facts.sites[s])),
      reconnect
    });
  }
  shared(unit, e, model) {
    const perRequestTopLevel = !unit.isModule;
    if (perRequestTopLevel && (e.how === "module-level" || e.how === "upvalue" || e.how === "module-field")) return;
    for (const obj of this.objects.of(unit.path, e.target)) {
      if (clientProfile(obj.client)?.unprofiled) continue;
      model.shared.push({ ...this.site(unit, e, obj.client), how: e.how, via: e.via });
    }
  }
  keyScope(file, env) {
    const facts = this.resolver.factsOf(file);
    return { resolver: this.resolver, file, env, ctorArgs: (site2) => facts ? eventIndex(facts).newAt(site2)?.args : void 0 };
  }
  /** Pool keys an object is connected with: by the code that created it (e.g. inside an acquire()
   *  wrapper, evaluated with that call's arguments) and by the function using it. */
  keysOf(unit, obj, fn, target) {
    const keys = /* @__PURE__ */ new Map();
    let unknown = false;
    const add = (file, c, env) => {
      const profile = profileFor(c.keyRule ?? obj.client);
      const k = profile ? poolKeyBuilder(profile.poolKey).key(keyInputs(this.keyScope(file, env), c.args, obj.site, c.method)) : null;
      if (k) keys.set(k.text, k);
      else unknown = true;
    };
    const declared = this.wrappers.spec(obj.file);
    if (declared) {
      if (declared.pool !== void 0) keys.set(declared.pool, declaredPoolKey(declared.pool));
      else unknown = true;
    }
    const root = ctxSlot(target) === void 0 ? this.resolver.rootEnv(unit.path, fn) : null;
    const owner = this.units.get(obj.file);
    for (const c of owner ? eventIndex(owner.facts).connectsOf(valueKey({ t: "obj", client: obj.client, site: obj.site })) : []) {
      const env = obj.env ? root ? this.resolver.rebind(obj.env, unit.path, root) : obj.env : obj.file === unit.path && c.fn === fn ? root : null;
      add(obj.file, c, env);
    }
    if (target.t !== "obj") {
      for (const c of eventIndex(unit.facts).connectsOf(valueKey(target))) if (c.fn === fn) add(unit.path, c, root);
      for (const { file, event: event2 } of this.connectsAlongCall(unit.path, target, obj, 0)) add(file, event2, null);
    }
    return unknown ? [] : [...keys.values()];
  }
  /** Releases of an `ngx.ctx` slot that leave the client where a getter hands it out again (ctx-getters.ts). */
  staleCtxReleases(model) {
    model.staleCtxReleases.push(...staleCtxReleases(this.units, this.objects, (unit, e, client) => this.site(unit, e, client)));
  }
  /** Every function a callee may be is of the project and ends the request normally on every path. */
  alwaysExits(file, callee) {
    const callees = this.resolver.resolve(file, callee, null);
    return callees.length > 0 && callees.every((c) => c.r === "fn" && this.resolver.factsOf(c.file)?.functions[c.id]?.ends === "exit");
  }
  /** Some call every path reaching this release went through ends the request. */
  endedBefore(unit, e) {
    const target = valueKey(e.target);
    return eventIndex(unit.facts).eventsOf(e.fn).some((u) => u.kind === "unreleased" && u.ifEnds !== void 0 && e.after.includes(u.site) && valueKey(u.target) === target && this.alwaysExits(unit.path, u.ifEnds));
  }
  /** A literal number argument; undefined when absent (or nil), null when not a known number. */
  numberOf(file, v) {
    if (v === void 0) return void 0;
    const r = this.resolver.resolveOne(file, v, null);
    if (r.r === "const" && r.v === null) return void 0;
    if (r.r === "const" && typeof r.v === "number") return r.v;
    return null;
  }
};
function failedConnect(profile, errorOp) {
  return errorOp !== void 0 && (profile?.connectMethods.includes(errorOp) ?? false);
}
function ownedByCaller(v) {
  return v.t === "param" || v.t === "get" && ctxSlot(v) === void 0;
}
function calleeName(v, facts) {
  if (v.t === "get") return `${calleeName(v.base, facts)}.${v.key}`;
  if (v.t === "global") return v.name;
  if (v.t === "require") return v.name;
  if (v.t === "fn") return facts.functions[v.id]?.name ?? "function";
  return "call";
}

// src/link/module-resolver.ts
var ModuleResolver = class {
  bySuffix = /* @__PURE__ */ new Map();
  paths;
  /** Files by the name they declare with module(), normalized as require names are. */
  declared = /* @__PURE__ */ new Map();
  roots;
  rootName;
  constructor(paths, opts = {}) {
    this.paths = new Set(paths);
    this.roots = opts.roots ?? [];
    this.rootName = opts.rootName;
    for (const d of [...opts.declared ?? []].sort((a, b) => a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      const key = moduleSegments(d.name).join(".");
      if (key !== "" && !this.declared.has(key)) this.declared.set(key, d.path);
    }
    for (const p of paths) {
      if (!p.endsWith(".lua")) continue;
      const segs = p.slice(0, -4).split("/");
      if (segs[segs.length - 1] === "init" && segs.length > 1) this.add(segs.slice(0, -1), p);
      this.add(segs, p);
    }
    for (const list2 of this.bySuffix.values()) list2.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  }
  add(segs, path22) {
    for (let i = 0; i < segs.length; i++) {
      const name = segs.slice(i).join(".");
      const list2 = this.bySuffix.get(name);
      if (list2) {
        if (!list2.includes(path22)) list2.push(path22);
      } else this.bySuffix.set(name, [path22]);
    }
  }
  resolve(moduleName) {
    const segs = moduleSegments(moduleName);
    if (segs.length === 0) return void 0;
    const found = this.byName(segs);
    if (found !== void 0) return found;
    return segs.length > 1 && segs[0] === this.rootName ? this.byName(segs.slice(1)) : void 0;
  }
  /** The file a path answers, else the file that declares the name. */
  byName(segs) {
    return this.byPath(segs) ?? this.declared.get(segs.join("."));
  }
  /** The file the segments name under a declared root, else the shortest path ending in them. */
  byPath(segs) {
    const rel = segs.join("/");
    for (const root of this.roots) {
      const base = root === "" || root === "." ? rel : `${root.replace(/\/+$/, "")}/${rel}`;
      for (const candidate of [`${base}.lua`, `${base}/init.lua`]) if (this.paths.has(candidate)) return candidate;
    }
    return this.bySuffix.get(segs.join("."))?.[0];
  }
};
function moduleSegments(name) {
  return name.split(/[./]/).filter((s) => s !== "");
}

// src/link/redis-scope.ts
var import_node_path = __toESM(require("node:path"), 1);
function redisConfScope(file, units) {
  const homes = units.map((u) => ({ unit: u, code: codeFile(u), confs: u.entries.map((e) => e.location.file) }));
  const dirs = new Set(homes.flatMap((h) => [h.code, ...h.confs]).map((f) => import_node_path.default.posix.dirname(f)));
  let dir;
  for (let d = import_node_path.default.posix.dirname(file); ; d = import_node_path.default.posix.dirname(d)) {
    if ([...dirs].some((x) => under(x, d))) {
      dir = d;
      break;
    }
    if (import_node_path.default.posix.dirname(d) === d) break;
  }
  if (dir === void 0) return void 0;
  const project = dir;
  const seeds = homes.filter((h) => under(h.code, project) || h.confs.some((c) => under(c, project))).map((h) => h.unit.path);
  const byPath = new Map(units.map((u) => [u.path, u]));
  const out = new Set(seeds);
  const todo = [...seeds];
  while (todo.length > 0) {
    for (const r of byPath.get(todo.pop())?.requires ?? []) {
      if (!out.has(r)) {
        out.add(r);
        todo.push(r);
      }
    }
  }
  return out;
}
function codeFile(u) {
  return u.path.replace(/:\d+:\d+$/, "");
}
function under(file, dir) {
  return dir === "." ? !file.startsWith("../") && file !== ".." : file === dir || file.startsWith(`${dir}/`);
}

// src/link/phase-reach.ts
function findDisabledPhaseUses(units, byPath, resolver) {
  const out = [];
  const reported = /* @__PURE__ */ new Set();
  for (const unit of units) {
    for (const entry2 of [...unit.entries, ...unit.pluginEntries]) {
      if (entry2.cosocketAllowed) continue;
      for (const use of reach(unit, entry2, byPath, resolver)) {
        const key = `${use.unit}|${use.location.startLine}:${use.location.startColumn}|${use.what}`;
        if (reported.has(key)) continue;
        reported.add(key);
        out.push(use);
      }
    }
  }
  return out;
}
function reach(start2, entry2, byPath, resolver) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const first = entry2.fn ?? 0;
  const queue = [{ unit: start2, fn: first, via: [] }];
  const enqueue = (unit, fn, via) => {
    if (!unit || seen.has(`${unit.path}#${fn}`)) return;
    seen.add(`${unit.path}#${fn}`);
    queue.push({ unit, fn, via });
  };
  seen.add(`${start2.path}#${first}`);
  const created2 = /* @__PURE__ */ new Set();
  for (let i = 0; i < queue.length; i++) {
    const { unit, fn, via } = queue[i];
    const facts = unit.facts;
    for (const e of eventIndex(facts).eventsOf(fn)) {
      const profile = e.kind === "new" || e.kind === "connect" ? e.target.t === "obj" ? clientProfile(e.target.client) : void 0 : void 0;
      const holdsSocket = e.kind === "connect" && !profile?.unprofiled || e.kind === "new" && e.target.t === "obj" && !profile?.holdsNoSocket;
      if (e.kind === "new" && e.target.t === "obj") created2.add(`${unit.path}@${e.target.site}`);
      if (e.kind === "connect" && e.target.t === "obj" && created2.has(`${unit.path}@${e.target.site}`)) continue;
      if ((e.kind === "new" || e.kind === "connect") && holdsSocket) {
        out.push({
          client: e.target.t === "obj" ? e.target.client : "client",
          location: unit.locate(facts.sites[e.site]),
          unit: unit.path,
          functionName: facts.functions[e.fn]?.name ?? "?",
          what: e.kind,
          entry: entry2,
          via
        });
      }
      if (e.kind !== "call" || e.deferred) continue;
      const here = [...via, unit.locate(facts.sites[e.site])];
      const callees = calleesOf(unit, e.callee, e.fn, byPath, resolver);
      e.callbacks.forEach((cb, i2) => {
        const at2 = e.callbackArgs?.[i2];
        if (at2 !== void 0 && callees.length > 0 && callees.every((c) => fateOf(c.unit, c.fn, at2, byPath, resolver, 0) === "defer")) return;
        enqueue(unit, cb, here);
      });
      for (const target of callees) enqueue(target.unit, target.fn, here);
    }
  }
  return out;
}
var MAX_FATE_DEPTH = 4;
function fateOf(unit, fn, param, byPath, resolver, depth) {
  const f = unit.facts.functions[fn];
  if (!f || f.invokes?.includes(param)) return "call";
  const events = eventIndex(unit.facts).eventsOf(fn);
  let deferred = (f.defers?.includes(param) ?? false) || events.some((e) => e.kind === "escape" && e.target.t === "param" && e.target.index === param);
  if (depth >= MAX_FATE_DEPTH) return deferred ? "defer" : "none";
  for (const e of events) {
    if (e.kind !== "call" || !e.forwards) continue;
    for (const [at2, p] of e.forwards) {
      if (p !== param) continue;
      const callees = calleesOf(unit, e.callee, e.fn, byPath, resolver);
      if (callees.length === 0) continue;
      const fates = callees.map((c) => fateOf(c.unit, c.fn, at2, byPath, resolver, depth + 1));
      if (fates.includes("call")) return "call";
      if (fates.every((x) => x === "defer")) deferred = true;
    }
  }
  return deferred ? "defer" : "none";
}
function calleesOf(unit, callee, fn, byPath, resolver) {
  if (callee.t === "require") {
    const file = resolver.moduleFile(callee.name);
    return file && byPath.get(file) ? [{ unit: byPath.get(file), fn: 0 }] : [];
  }
  if (callee.t === "get" && callee.base.t === "param" && callee.base.index === 0) {
    const owner = unit.facts.functions[fn]?.ownerTable;
    const field = owner === void 0 ? void 0 : unit.facts.tables[owner]?.[callee.key];
    if (field?.t === "fn") return [{ unit, fn: field.id }];
  }
  return resolver.resolve(unit.path, callee, null).flatMap((r) => r.r === "fn" && byPath.get(r.file) ? [{ unit: byPath.get(r.file), fn: r.id }] : []);
}

// src/gateways/plugin-conventions.ts
var PLUGIN_CONVENTIONS = [
  {
    // Kong 3.x: kong/init.lua runs the handlers' methods through execute_*_plugins_iterator(it, "<phase>", ctx)
    // from its per-phase entry functions; kong/runloop/plugins_iterator.lua lists the phases.
    gateway: "Kong",
    home: "kong/plugins/<name>/handler.lua",
    shape: { fields: ["PRIORITY", "VERSION"] },
    methods: {
      init_worker: { phase: "init_worker", calledBy: "kong/init.lua: Kong.init_worker \u2192 execute_init_worker_plugins_iterator" },
      // First called at the end of Kong.init_worker, later again when the plugins iterator is rebuilt.
      configure: { phase: "init_worker", calledBy: "kong/init.lua: Kong.init_worker \u2192 plugins_iterator:configure" },
      certificate: { phase: "ssl_certificate", calledBy: 'kong/init.lua: Kong.ssl_certificate, "certificate"' },
      rewrite: { phase: "rewrite", calledBy: 'kong/init.lua: Kong.rewrite, "rewrite"' },
      access: { phase: "access", calledBy: 'kong/init.lua: Kong.access, "access"' },
      // Buffered proxying: the response is read in the content phase, then plugins see it.
      response: { phase: "content", calledBy: 'kong/init.lua: Kong.response, "response"' },
      header_filter: { phase: "header_filter", calledBy: 'kong/init.lua: Kong.header_filter, "header_filter"' },
      body_filter: { phase: "body_filter", calledBy: 'kong/init.lua: Kong.body_filter, "body_filter"' },
      log: { phase: "log", calledBy: 'kong/init.lua: Kong.log, "log"' }
    }
  },
  {
    // APISIX: apisix/init.lua runs plugins per phase with plugin.run_plugin(phase) / common_phase(phase), and
    // apisix/plugin.lua (load_plugin) calls a plugin's init() when plugins are loaded in init_worker.
    gateway: "APISIX",
    home: "apisix/plugins/<name>.lua",
    shape: { fields: ["name", "priority", "schema"] },
    methods: {
      init: { phase: "init_worker", calledBy: "apisix/plugin.lua: load_plugin \u2192 plugin.init; _M.init_worker \u2192 _M.load, from apisix/init.lua http_init_worker" },
      // APISIX runs the rewrite plugins in its access_by_lua handler.
      rewrite: { phase: "access", calledBy: 'apisix/init.lua: http_access_phase, run_plugin("rewrite")' },
      access: { phase: "access", calledBy: 'apisix/init.lua: http_access_phase, run_plugin("access")' },
      // In access (handle_upstream); on a retry apisix/balancer.lua runs it again in the balancer phase.
      before_proxy: { phase: "access", calledBy: 'apisix/init.lua: handle_upstream, common_phase("before_proxy")' },
      header_filter: { phase: "header_filter", calledBy: 'apisix/init.lua: http_header_filter_phase, common_phase("header_filter")' },
      body_filter: { phase: "body_filter", calledBy: 'apisix/init.lua: http_body_filter_phase, common_phase("body_filter")' },
      delayed_body_filter: { phase: "body_filter", calledBy: 'apisix/init.lua: http_body_filter_phase, common_phase("delayed_body_filter")' },
      log: { phase: "log", calledBy: 'apisix/init.lua: http_log_phase, common_phase("log")' }
    }
  },
  {
    // APIcast: gateway/src/apicast/policy.lua lists the phases (INIT_PHASES, REQUEST_PHASES) and makes policies
    // (_M.new(name, version)); gateway/src/apicast/executor.lua runs the policy chain's method of each phase,
    // called from the *_by_lua blocks of gateway/http.d/*.conf and gateway/conf.d/*.conf.
    gateway: "APIcast",
    home: "gateway/src/apicast/policy/<name>/<name>.lua",
    shape: { madeBy: { module: "apicast.policy", fn: "new" } },
    methods: {
      init: { phase: "init", calledBy: "gateway/http.d/init.conf: init_by_lua_block, module:init()" },
      init_worker: { phase: "init_worker", calledBy: "gateway/http.d/init.conf: init_worker_by_lua_block, executor:init_worker()" },
      rewrite: { phase: "rewrite", calledBy: "gateway/conf.d/apicast.conf: rewrite_by_lua_block, executor:rewrite()" },
      access: { phase: "access", calledBy: "gateway/conf.d/apicast.conf: access_by_lua_block, executor:access()" },
      content: { phase: "content", calledBy: "gateway/conf.d/apicast.conf: content_by_lua_block, executor:content()" },
      balancer: { phase: "balancer", calledBy: "gateway/http.d/upstream.conf: balancer_by_lua_block, executor:balancer()" },
      header_filter: { phase: "header_filter", calledBy: "gateway/conf.d/apicast.conf: header_filter_by_lua_block, executor:header_filter()" },
      body_filter: { phase: "body_filter", calledBy: "gateway/conf.d/apicast.conf: body_filter_by_lua_block, executor:body_filter()" },
      post_action: { phase: "content", calledBy: "gateway/conf.d/apicast.conf: post_action location, content_by_lua_block, executor:post_action()" },
      log: { phase: "log", calledBy: "gateway/conf.d/apicast.conf: log_by_lua_block, executor:log()" },
      metrics: { phase: "content", calledBy: "gateway/http.d/apicast.conf.liquid: content_by_lua_block, executor:metrics()" },
      ssl_certificate: { phase: "ssl_certificate", calledBy: "gateway/http.d/apicast.conf.liquid: ssl_certificate_by_lua_block, executor:ssl_certificate()" }
    }
  }
];

// src/nginx/lua-directives.ts
var MAIN = ["http"];
var MSLL = ["http", "server", "location", "location_if"];
var LOC = ["location", "location_if"];
var MS = ["http", "server"];
var PHASES = [
  { phase: "init", forms: ["block", "string", "file"], cosocket: false, contexts: MAIN },
  { phase: "init_worker", forms: ["block", "string", "file"], cosocket: false, contexts: MAIN },
  { phase: "exit_worker", forms: ["block", "file"], cosocket: false, contexts: MAIN },
  { phase: "set", forms: ["block", "string", "file"], cosocket: false, contexts: ["server", "server_if", "location", "location_if"] },
  { phase: "server_rewrite", forms: ["block", "file"], cosocket: true, contexts: MS, since: "0.10.23" },
  { phase: "rewrite", forms: ["block", "string", "file"], cosocket: true, contexts: MSLL },
  { phase: "access", forms: ["block", "string", "file"], cosocket: true, contexts: MSLL },
  { phase: "precontent", forms: ["block", "file"], cosocket: true, contexts: MSLL, since: "0.10.30" },
  { phase: "content", forms: ["block", "string", "file"], cosocket: true, contexts: LOC },
  { phase: "header_filter", forms: ["block", "string", "file"], cosocket: false, contexts: MSLL },
  { phase: "body_filter", forms: ["block", "string", "file"], cosocket: false, contexts: MSLL },
  { phase: "log", forms: ["block", "string", "file"], cosocket: false, contexts: MSLL },
  { phase: "balancer", forms: ["block", "file"], cosocket: false, contexts: ["upstream"] },
  { phase: "ssl_client_hello", forms: ["block", "file"], cosocket: true, contexts: MS, since: "0.10.21" },
  { phase: "ssl_certificate", forms: ["block", "file"], cosocket: true, contexts: MS },
  { phase: "ssl_session_fetch", forms: ["block", "file"], cosocket: true, contexts: MAIN },
  { phase: "ssl_session_store", forms: ["block", "file"], cosocket: false, contexts: MAIN },
  // Only with an nginx carrying OpenResty's proxy-ssl patch (HAVE_LUA_PROXY_SSL).
  { phase: "proxy_ssl_certificate", forms: ["block", "file"], cosocket: true, contexts: LOC, since: "0.10.30" },
  { phase: "proxy_ssl_verify", forms: ["block", "file"], cosocket: true, contexts: LOC, since: "0.10.29" }
];
var EMPTY_CODE_REJECTED = /* @__PURE__ */ new Set([
  "init",
  "server_rewrite",
  "rewrite",
  "access",
  "precontent",
  "content",
  "header_filter",
  "body_filter",
  "log"
]);
var SUFFIX = { block: "_by_lua_block", string: "_by_lua", file: "_by_lua_file" };
var LUA_DIRECTIVES = PHASES.flatMap(
  (row) => row.forms.map((form) => {
    const isSet = row.phase === "set";
    const info = {
      name: row.phase + SUFFIX[form],
      phase: row.phase,
      form,
      argsBefore: isSet ? 1 : 0,
      extraArgs: isSet && form !== "block",
      cosocket: row.cosocket,
      contexts: row.contexts,
      emptyCodeRejected: EMPTY_CODE_REJECTED.has(row.phase)
    };
    if (row.since) info.since = row.since;
    return info;
  })
);
var BY_NAME = new Map(LUA_DIRECTIVES.map((d) => [d.name, d]));
function luaDirective(name) {
  return BY_NAME.get(name);
}
function phaseAllowsCosocket(phase) {
  return PHASES.some((row) => row.phase === phase && row.cosocket);
}
function luaDirectiveArgCountOk(info, argCount) {
  if (info.form === "block") return argCount === info.argsBefore;
  if (info.extraArgs) return argCount >= 2;
  return argCount === 1;
}
var LUA_CONFIG_DIRECTIVES = [
  {
    name: "lua_package_path",
    contexts: ["http"],
    args: "one",
    note: '";;" stands for the default path; "$prefix" / "${prefix}" become the server prefix; a second one is "is duplicate".'
  },
  {
    name: "lua_package_cpath",
    contexts: ["http"],
    args: "one",
    note: "Same rules as lua_package_path."
  },
  {
    name: "lua_code_cache",
    contexts: ["http", "server", "location", "location_if"],
    args: "flag",
    default: "on",
    note: '"off" gives every request a fresh Lua VM, so pooled cosocket connections are never reused.'
  },
  {
    name: "lua_socket_pool_size",
    contexts: ["http", "server", "location", "location_if"],
    args: "one",
    default: "30",
    note: "Size of a cosocket pool when it is created lazily by the first setkeepalive; per worker."
  },
  {
    name: "lua_socket_keepalive_timeout",
    contexts: ["http", "server", "location", "location_if"],
    args: "one",
    default: "60s",
    note: "Idle timeout of pooled connections (unit defaults to seconds; setkeepalive() takes milliseconds)."
  },
  {
    name: "worker_processes",
    contexts: ["main"],
    args: "one",
    default: "1",
    note: 'Pools are per worker: total connections = workers x pool size. "auto" = number of CPUs.'
  }
];
var CONFIG_BY_NAME = new Map(LUA_CONFIG_DIRECTIVES.map((d) => [d.name, d]));

// src/link/plugin-entries.ts
function pluginOf(facts) {
  if (!facts.returnsValue && !facts.moduleShaped) return void 0;
  const fields = fieldsOf2(facts, facts.exports);
  if (!fields) return void 0;
  const convention = PLUGIN_CONVENTIONS.find((c) => matches(c, facts.exports, fields));
  return convention && { convention, fields };
}
var phaseMethodsOf = /* @__PURE__ */ new WeakMap();
function pluginPhaseMethods(facts) {
  const known = phaseMethodsOf.get(facts);
  if (known) return known;
  const plugin = pluginOf(facts);
  const out = /* @__PURE__ */ new Set();
  phaseMethodsOf.set(facts, out);
  for (const method of Object.keys(plugin?.convention.methods ?? {})) {
    const value = plugin.fields[method];
    if (value?.t === "fn") out.add(value.id);
  }
  return out;
}
function pluginEntries(unit) {
  const facts = unit.facts;
  const plugin = pluginOf(facts);
  if (!plugin) return [];
  const { convention, fields } = plugin;
  const out = [];
  for (const [method, row] of Object.entries(convention.methods)) {
    const value = fields[method];
    if (value?.t !== "fn") continue;
    const fn = facts.functions[value.id];
    if (!fn) continue;
    const at2 = unit.locate(fn.span);
    out.push({
      directive: fn.name === "<anonymous>" ? method : fn.name,
      phase: row.phase,
      cosocketAllowed: phaseAllowsCosocket(row.phase),
      location: startOf(at2),
      fn: value.id,
      plugin: { gateway: convention.gateway, calledBy: row.calledBy }
    });
  }
  return out;
}
function fieldsOf2(facts, v) {
  if (v.t === "table") return facts.tables[v.id];
  if (v.t === "call") return facts.callFields?.[valueKey(v)];
  return void 0;
}
function matches(c, value, fields) {
  if (c.shape.fields && !c.shape.fields.every((f) => fields[f] !== void 0)) return false;
  if (c.shape.madeBy) {
    const callee = value.t === "call" ? value.callee : void 0;
    const { module: module2, fn } = c.shape.madeBy;
    if (!(callee?.t === "get" && callee.key === fn && callee.base.t === "require" && callee.base.name === module2)) return false;
  }
  return c.shape.fields !== void 0 || c.shape.madeBy !== void 0;
}
function startOf(at2) {
  return { file: at2.file, startLine: at2.startLine, startColumn: at2.startColumn, endLine: at2.startLine, endColumn: at2.startColumn + "function".length };
}

// src/link/param-origin.ts
function paramOrigin(file, facts, fnId) {
  const fn = facts.functions[fnId];
  if (!fn || !fn.params) return void 0;
  if (pluginPhaseMethods(facts).has(fnId)) return { id: `plugin ${file}`, kind: "plugin", file, function: fn.name, params: fn.params };
  const unique = facts.functions.filter((f) => f.name === fn.name).length === 1;
  return { id: `${file} ${fn.name}${unique ? "" : `#${fnId}`}`, kind: "function", file, function: fn.name, params: fn.params };
}

// src/link/resolver.ts
var UNKNOWN2 = { r: "unknown" };
var MAX_DEPTH2 = 12;
var MAX_RESULTS = 8;
var MAX_STEPS = 5e3;
var ValueResolver = class {
  constructor(facts, modules, wrappers, globals = /* @__PURE__ */ new Map()) {
    this.facts = facts;
    this.modules = modules;
    this.wrappers = wrappers;
    this.globals = globals;
  }
  facts;
  modules;
  wrappers;
  globals;
  depth = 0;
  steps = 0;
  active = /* @__PURE__ */ new Set();
  memo = /* @__PURE__ */ new Map();
  envs = /* @__PURE__ */ new Map();
  roots = /* @__PURE__ */ new Map();
  factsOf(file) {
    return this.facts.get(file);
  }
  /** The file a module name resolves to, unless it is a client library the analyzer models itself. */
  moduleFile(name) {
    if (profileFor(name)) return void 0;
    const path22 = this.modules.resolve(name);
    return path22 && this.facts.has(path22) ? path22 : void 0;
  }
  /** Every value `v` (written in `file`, evaluated with `env`) may have; [unknown] when nothing is known. */
  resolve(file, v, env) {
    if (this.depth === 0) this.steps = 0;
    if (this.depth > MAX_DEPTH2 || ++this.steps > MAX_STEPS) return [UNKNOWN2];
    const key = `${file}|${valueKey(v)}|${env?.id ?? 0}`;
    const known = this.memo.get(key);
    if (known) return known;
    if (this.active.has(key)) return [UNKNOWN2];
    this.active.add(key);
    this.depth++;
    try {
      const result = dedupe(this.resolveInner(file, v, env));
      this.memo.set(key, result);
      return result;
    } finally {
      this.depth--;
      this.active.delete(key);
    }
  }
  /** The interned environment for a call's arguments. */
  envFor(args) {
    const key = args.map((a) => `${a.file}|${valueKey(a.value)}|${a.env?.id ?? 0}`).join("\0");
    let env = this.envs.get(key);
    if (!env) {
      env = { id: this.envs.size + 1, args };
      this.envs.set(key, env);
    }
    return env;
  }
  /** The environment of function `fn` of `file` linked on its own: its parameters are unbound, and evaluate
   *  to symbols of their origin (`conf`, of plugin X or of this function); null when they have no names. */
  rootEnv(file, fn) {
    const key = `${file}#${fn}`;
    let env = this.roots.get(key);
    if (env === void 0) {
      const facts = this.facts.get(file);
      const origin = facts && paramOrigin(file, facts, fn);
      env = origin ? { id: -(this.roots.size + 1), args: [], root: origin } : null;
      this.roots.set(key, env);
    }
    return env;
  }
  /** An environment whose unbound arguments (written in `file` and evaluated with no environment) are
   *  evaluated with `root` instead: an object created by a call of the function `root` stands for. */
  rebind(env, file, root, depth = 0) {
    if (depth > MAX_DEPTH2) return env;
    return this.envFor(env.args.map((a) => ({ ...a, env: a.env ? this.rebind(a.env, file, root, depth + 1) : a.file === file ? root : null })));
  }
  /** The single value `v` has, or unknown when it may have several. */
  resolveOne(file, v, env) {
    const all = this.resolve(file, v, env);
    return all.length === 1 ? all[0] : UNKNOWN2;
  }
  resolveInner(file, v, env) {
    switch (v.t) {
      case "const":
        return [{ r: "const", v: v.v }];
      case "table":
        return [{ r: "table", file, id: v.id }];
      case "fn":
        return [{ r: "fn", file, id: v.id }];
      case "obj":
        return [{ r: "obj", file, site: v.site, client: v.client, env }];
      case "global": {
        const own = this.facts.get(file)?.globals?.[v.name];
        if (own) return this.resolve(file, own, null);
        const set = this.globals.get(v.name);
        return set ? this.resolve(set.file, set.value, null) : [{ r: "sym", text: v.name }];
      }
      case "require": {
        const target = this.moduleFile(v.name);
        if (!target) return [{ r: "sym", text: `require(${JSON.stringify(v.name)})` }];
        return this.resolve(target, this.facts.get(target).exports, null);
      }
      case "param": {
        const arg = env?.args[v.index];
        if (arg) return this.resolve(arg.file, arg.value, arg.env);
        const name = env?.root?.params[v.index];
        if (!name) return [UNKNOWN2];
        const { params: _, ...origin } = env.root;
        return [{ r: "sym", text: name, origin }];
      }
      case "get":
        return this.resolve(file, v.base, env).flatMap((b) => this.field(b, v.key));
      case "concat": {
        let text = "";
        let symbolic = false;
        let origin;
        for (const p of v.parts) {
          const r = this.resolveOne(file, p, env);
          if (r.r === "const" && (typeof r.v === "string" || typeof r.v === "number")) text += luaToString(r.v);
          else if (r.r === "sym") {
            if (r.origin && origin && r.origin.id !== origin.id) return [UNKNOWN2];
            origin ??= r.origin;
            text += `\${${r.text}}`;
            symbolic = true;
          } else return [UNKNOWN2];
        }
        return [symbolic ? { r: "sym", text, ...origin ? { origin } : {} } : { r: "const", v: text }];
      }
      case "call":
        return this.resolve(file, v.callee, env).flatMap((c) => this.callResult(c, file, v, env));
      case "or":
        return this.resolve(file, v.left, env).flatMap((l) => this.orDefault(l, file, v.right, env));
      case "phi":
        return v.options.flatMap((o) => this.resolve(file, o, env));
      case "op":
      case "unknown":
        return [UNKNOWN2];
    }
  }
  /** `left or right` once left is known: left when truthy, right when nil or false; a symbol stays an
   *  expression (`conf.port or 6379`) of its origin. */
  orDefault(left, file, right, env) {
    if (left.r === "unknown") return [UNKNOWN2];
    if (left.r === "const") return left.v === null || left.v === false ? this.resolve(file, right, env) : [left];
    if (left.r !== "sym") return [left];
    const r = this.resolveOne(file, right, env);
    if (r.r !== "const" || typeof r.v !== "string" && typeof r.v !== "number") return [UNKNOWN2];
    return [{ ...left, text: `${left.text} or ${typeof r.v === "string" ? JSON.stringify(r.v) : r.v}` }];
  }
  field(base, key, depth = 0) {
    if (base.r === "table") {
      const fields = this.facts.get(base.file)?.tables[base.id];
      const f = fields?.[key];
      if (f) return this.resolve(base.file, f, null);
      const mt = fields?.[METATABLE_KEY];
      if (!mt || depth > 3) return [UNKNOWN2];
      const index = this.resolve(base.file, mt, null).flatMap((m) => m.r === "table" ? this.field(m, "__index", depth + 1) : [UNKNOWN2]);
      return index.length === 1 && index[0].r === "table" ? this.field(index[0], key, depth + 1) : [UNKNOWN2];
    }
    if (base.r === "sym") return [{ ...base, text: `${base.text}.${key}` }];
    return [UNKNOWN2];
  }
  callResult(callee, file, call, env) {
    const acquired = call.index === 0 ? this.wrappers.acquired(callee) : void 0;
    if (acquired) return [acquired];
    if (callee.r !== "fn") return [UNKNOWN2];
    const fn = this.facts.get(callee.file)?.functions[callee.id];
    if (!fn || fn.returns.length === 0) return [UNKNOWN2];
    const calleeEnv = this.envFor(call.args.map((value) => ({ file, value, env })));
    return fn.returns.flatMap((ret) => {
      const value = ret[call.index];
      return value ? this.resolve(callee.file, value, calleeEnv) : [{ r: "const", v: null }];
    });
  }
};
function resolvedKey(r) {
  switch (r.r) {
    case "const":
      return `c:${JSON.stringify(r.v)}`;
    case "table":
    case "fn":
      return `${r.r}:${r.file}#${r.id}`;
    case "obj":
      return `obj:${r.file}@${r.site}|${r.env?.id ?? 0}`;
    case "sym":
      return r.origin ? `s:${r.text}@${r.origin.id}` : `s:${r.text}`;
    case "unknown":
      return "?";
  }
}
function dedupe(list2) {
  const seen = /* @__PURE__ */ new Map();
  for (const r of list2) {
    const k = resolvedKey(r);
    if (!seen.has(k)) seen.set(k, r);
  }
  const out = [...seen.values()];
  return out.length > MAX_RESULTS ? [UNKNOWN2] : out;
}

// src/link/wrappers.ts
var WRAPPER_FILE_PREFIX = "wrapper:";
var Wrappers = class {
  constructor(specs, facts, modules) {
    this.specs = specs;
    this.facts = facts;
    this.modules = modules;
    specs.forEach((spec, index) => this.byName.set(`${spec.module}|${spec.function}`, { spec, index }));
  }
  specs;
  facts;
  modules;
  byName = /* @__PURE__ */ new Map();
  /** The declared wrapper a resolved callee is, if any. */
  match(callee) {
    if (this.byName.size === 0) return void 0;
    if (callee.r === "sym") {
      const m = /^require\("([^"]+)"\)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(callee.text);
      return m ? this.byName.get(`${m[1]}|${m[2]}`) : void 0;
    }
    if (callee.r === "fn") {
      const name = this.facts.get(callee.file)?.functions[callee.id]?.name ?? "";
      const fnName = /[.:]([A-Za-z_][A-Za-z0-9_]*)$/.exec(name)?.[1];
      if (!fnName) return void 0;
      for (const { spec, index } of this.byName.values()) {
        if (spec.function === fnName && this.modules.resolve(spec.module) === callee.file) return { spec, index };
      }
    }
    return void 0;
  }
  /** The client object an acquire wrapper returns (a pseudo allocation, one per wrapper). */
  acquired(callee) {
    const w = this.match(callee);
    if (!w || w.spec.kind !== "acquire") return void 0;
    return { r: "obj", file: `${WRAPPER_FILE_PREFIX}${w.index}`, site: w.index, client: w.spec.client ?? "resty.redis", env: null };
  }
  spec(file) {
    return file.startsWith(WRAPPER_FILE_PREFIX) ? this.specs[Number(file.slice(WRAPPER_FILE_PREFIX.length))] : void 0;
  }
};

// src/link/build-model.ts
function buildProjectModel(input) {
  const factsByPath = new Map(input.units.map((u) => [u.path, u.facts]));
  const modules = new ModuleResolver(input.units.map((u) => u.path), { roots: input.luaRoots, declared: declaredModules(input.units), rootName: input.rootName });
  const wrappers = new Wrappers(input.wrappers ?? [], factsByPath, modules);
  const resolver = new ValueResolver(factsByPath, modules, wrappers, initGlobals(input.units));
  const requires = /* @__PURE__ */ new Map();
  const required = /* @__PURE__ */ new Set();
  for (const u of input.units) {
    const targets = [];
    for (const name of u.facts.requires) {
      const target = resolver.moduleFile(name);
      if (!target || target === u.path) continue;
      required.add(target);
      if (!targets.includes(target)) targets.push(target);
    }
    requires.set(u.path, targets);
  }
  const units = input.units.map((u) => {
    const entries = u.entries ?? [];
    const module2 = u.facts.returnsValue && required.has(u.path) || u.facts.moduleShaped === true;
    return { ...u, entries, pluginEntries: pluginEntries(u), isModule: module2 && entries.length === 0 };
  });
  const uses = { poolUses: [], wrapperKeepalives: [], staleCtxReleases: [], connects: [], unreleased: [], useAfterRelease: [], shared: [], disabledPhaseUses: [] };
  const byPath = new Map(units.map((u) => [u.path, u]));
  const linker = new Linker(resolver, byPath, wrappers);
  for (const u of units) linker.link(u, uses);
  linker.staleCtxReleases(uses);
  uses.disabledPhaseUses = findDisabledPhaseUses(units, byPath, resolver);
  const codeUnits = units.map((u) => Object.freeze({ path: u.path, isModule: u.isModule, entries: Object.freeze([...u.entries]), requires: Object.freeze(requires.get(u.path) ?? []) }));
  return Object.freeze({
    units: Object.freeze(codeUnits),
    nginx: input.nginx,
    redisServers: Object.freeze(input.redisServers.map((r) => scoped(r, codeUnits))),
    clients: clientTraits(CLIENT_PROFILES),
    poolUses: Object.freeze(uses.poolUses),
    wrapperKeepalives: Object.freeze(uses.wrapperKeepalives),
    connects: Object.freeze(uses.connects),
    unreleased: Object.freeze(uses.unreleased),
    useAfterRelease: Object.freeze(uses.useAfterRelease),
    staleCtxReleases: Object.freeze(uses.staleCtxReleases),
    shared: Object.freeze(uses.shared),
    disabledPhaseUses: Object.freeze(uses.disabledPhaseUses)
  });
}
function scoped(server2, units) {
  const scope = redisConfScope(server2.file, units);
  return Object.freeze(scope ? { ...server2, units: scope } : { ...server2 });
}
function initGlobals(units) {
  const out = /* @__PURE__ */ new Map();
  for (const u of units) {
    if (!u.facts.globals || !(u.entries ?? []).some((e) => e.phase === "init" || e.phase === "init_worker")) continue;
    for (const [name, value] of Object.entries(u.facts.globals)) if (!out.has(name)) out.set(name, { file: u.path, value });
  }
  return out;
}
function declaredModules(units) {
  return units.flatMap((u) => u.facts.moduleName !== void 0 && u.path.endsWith(".lua") ? [{ name: u.facts.moduleName, path: u.path }] : []);
}
function clientTraits(profiles) {
  return new Map(profiles.map((p) => [p.module, p]));
}

// src/core/fingerprint.ts
var import_node_crypto = require("node:crypto");

// src/core/message-text.ts
function literal(s) {
  return s.replace(/[\\[\]]/g, "\\$&");
}
var TOKEN = /\\([\\[\]])|\[((?:[^\\[\]]|\\[\\[\]])*)\]\((\d+)\)|[^\\[]+|[\\[]/g;
function parseMessage(message) {
  const parts = [];
  const text = (s) => {
    const last = parts[parts.length - 1];
    if (last && "text" in last) last.text += s;
    else parts.push({ text: s });
  };
  for (const m of message.matchAll(TOKEN)) {
    if (m[1] !== void 0) text(m[1]);
    else if (m[3] !== void 0) parts.push({ label: unescape(m[2]), id: Number(m[3]) });
    else text(m[0]);
  }
  return parts;
}
function unescape(s) {
  return s.replace(/\\([\\[\]])/g, "$1");
}
function toSarifText(message, hasLink) {
  return parseMessage(message).map((p) => "text" in p ? literal(p.text) : hasLink(p.id) ? `[${literal(p.label)}](${p.id})` : literal(`[${p.label}](${p.id})`)).join("");
}
function splitLead(message) {
  let at2 = 0;
  for (const m of message.matchAll(TOKEN)) {
    if (m[1] === void 0 && m[3] === void 0) {
      const end = /\.(?=\s|$)|\n/.exec(m[0]);
      if (end) {
        const cut = at2 + end.index + (end[0] === "." ? 1 : 0);
        return { lead: message.slice(0, cut), rest: message.slice(cut).replace(/^\s+/, "") };
      }
    }
    at2 += m[0].length;
  }
  return { lead: message, rest: "" };
}

// src/core/findings.ts
var LEVELS = ["error", "warning", "note"];
function plainMessage(f) {
  return plainText(f.message, f.related);
}
function plainText(message, related2) {
  return parseMessage(message).map((p) => {
    if ("text" in p) return p.text;
    const r = related2.find((x) => x.id === p.id);
    return r ? `${p.label} (${r.file}:${r.startLine}:${r.startColumn})` : p.label;
  }).join("");
}
function compareSpan(a, b) {
  return cmp(a.file, b.file) || a.startLine - b.startLine || a.startColumn - b.startColumn || a.endLine - b.endLine || a.endColumn - b.endColumn;
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareFindings(a, b) {
  return compareSpan(a.location, b.location) || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message);
}
function levelRank(level) {
  return level === "error" ? 3 : level === "warning" ? 2 : level === "note" ? 1 : 4;
}

// src/core/fingerprint.ts
function normalizeLine(text) {
  return text.replace(/\s+/g, " ").trim();
}
function lineHash(ruleId, file, text) {
  return (0, import_node_crypto.createHash)("sha256").update(`${ruleId}\0${file}\0${normalizeLine(text)}`, "utf8").digest("hex").slice(0, 16);
}
function assignFingerprints(findings, lineText) {
  const hashes = findings.map((f) => lineHash(f.ruleId, f.location.file, lineText(f.location.file, f.location.startLine)));
  const order = findings.map((_, i) => i);
  order.sort((a, b) => compareFindings(findings[a], findings[b]) || a - b);
  const seen = /* @__PURE__ */ new Map();
  const out = new Array(findings.length);
  for (const i of order) {
    const hash = hashes[i];
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    out[i] = { ...findings[i], fingerprint: `${hash}:${n}` };
  }
  return out;
}

// src/lua/parse-lua.ts
var import_luaparse = __toESM(require_luaparse(), 1);
var DEFAULT_LUA_SYNTAX = { lua52Compat: true };
var OPTIONS = {
  luaVersion: "LuaJIT",
  extendedIdentifiers: true,
  locations: false,
  ranges: true,
  // Suppression comments are read from the text itself; collecting comment nodes only costs time.
  comments: false,
  scope: false,
  // Strings come back as byte strings (decode with bytesToUtf8); needs latin1 input.
  encodingMode: "pseudo-latin1"
};
if (!accepts(";", true)) {
  throw new Error("luaparse lacks patches/luaparse+0.3.1.patch (option luajitLua52Compat): reinstall it with `npm ci`");
}
function parseLuaText(latin1, syntax = DEFAULT_LUA_SYNTAX) {
  return parseChunk(latin1, false, syntax);
}
function parseLua(text, syntax = DEFAULT_LUA_SYNTAX) {
  return parseChunk(text.latin1, text.bomLength > 0, syntax);
}
function skipChunkHeader(latin1, hadBom = false) {
  let start2 = 0;
  let header = hadBom;
  if (latin1.startsWith("\xEF\xBB\xBF")) {
    start2 = 3;
    header = true;
  }
  let bytecodeAt = start2;
  if (latin1.charCodeAt(start2) === 35) {
    header = true;
    while (start2 < latin1.length && !isEol(latin1.charCodeAt(start2))) start2++;
    bytecodeAt = start2 + 1;
    if (isEol(latin1.charCodeAt(bytecodeAt)) && latin1.charCodeAt(bytecodeAt) !== latin1.charCodeAt(start2)) bytecodeAt++;
  }
  return { text: start2 === 0 ? latin1 : " ".repeat(start2) + latin1.slice(start2), header, bytecodeAt };
}
function isEol(c) {
  return c === 10 || c === 13;
}
function bytecodeKind(bytes) {
  if (bytes[0] !== 27 || bytes[1] !== 76) return void 0;
  if (bytes[2] === 74) return "LuaJIT";
  if (bytes[2] === 117 && bytes[3] === 97) return "PUC Lua";
  return void 0;
}
function parseChunk(latin1, hadBom, syntax) {
  const { text, header, bytecodeAt } = skipChunkHeader(latin1, hadBom);
  if (text.charCodeAt(bytecodeAt) === 27) {
    return { ok: false, offset: bytecodeAt, message: header ? "cannot load malformed bytecode" : "cannot load incompatible bytecode" };
  }
  try {
    const chunk = import_luaparse.default.parse(text, optionsFor(syntax));
    return { ok: true, chunk };
  } catch (e) {
    if (e instanceof RangeError) {
      return { ok: false, offset: 0, message: "code is nested too deeply to parse (stack exhausted); LuaJIT itself rejects nesting deeper than about 200 levels" };
    }
    const err = e;
    if (typeof err.index === "number") {
      const message = String(err.message ?? "syntax error").replace(/^\[\d+:\d+\]\s*/, "");
      return { ok: false, offset: err.index, message };
    }
    throw e;
  }
}
function optionsFor(syntax) {
  return { ...OPTIONS, luajitLua52Compat: syntax.lua52Compat };
}
function accepts(src, lua52Compat) {
  try {
    import_luaparse.default.parse(src, optionsFor({ lua52Compat }));
    return true;
  } catch {
    return false;
  }
}

// src/project/nginx-units.ts
var import_node_fs5 = __toESM(require("node:fs"), 1);
var import_node_path7 = __toESM(require("node:path"), 1);

// src/files/discover.ts
var import_node_fs3 = __toESM(require("node:fs"), 1);
var import_node_path4 = __toESM(require("node:path"), 1);

// src/files/ignore-rules.ts
var import_node_child_process = require("node:child_process");
var import_node_fs = __toESM(require("node:fs"), 1);
var import_node_path2 = __toESM(require("node:path"), 1);

// src/files/glob-match.ts
function globToRegExp(pattern) {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        const slash = pattern[i + 2] === "/";
        re += slash ? "(?:.*/)?" : ".*";
        i += slash ? 2 : 1;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) re += "\\[";
      else {
        re += `[${pattern.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else if (c === "{") {
      const end = pattern.indexOf("}", i + 1);
      if (end < 0) re += "\\{";
      else {
        re += `(?:${pattern.slice(i + 1, end).split(",").map(escape2).join("|")})`;
        i = end;
      }
    } else re += escape2(c);
  }
  return new RegExp(`^${re}(?:/.*)?$`);
}
function escape2(s) {
  return s.replace(/[.+^$()|\\/]/g, (m) => `\\${m}`);
}
function filterIgnored(paths, patterns) {
  if (patterns.length === 0) return [...paths];
  const compiled = patterns.map((p) => ({ negate: p.startsWith("!"), re: globToRegExp(p.replace(/^!/, "").replace(/^\.\//, "")) }));
  return paths.filter((p) => {
    let ignored = false;
    for (const { negate, re } of compiled) if (re.test(p)) ignored = !negate;
    return !ignored;
  });
}

// src/files/ignore-rules.ts
function ignoreRules(cwd, dir) {
  return gitIgnores(dir) ?? gitignoreFiles(cwd, dir);
}
function gitIgnores(dir) {
  const top = git(dir, ["rev-parse", "--show-toplevel"]);
  if (top === void 0) return void 0;
  const root = top.toString("utf8").replace(/\n$/, "");
  const listed = git(root, ["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"]);
  if (listed === void 0) return void 0;
  const ignored = new Set(listed.toString("utf8").split("\0").filter(Boolean).map((p) => p.replace(/\/$/, "")));
  if (ignored.size === 0) return () => false;
  const walked = import_node_path2.default.relative(root, dir).split(import_node_path2.default.sep).join("/");
  const depthOfWalked = walked === "" ? 0 : walked.split("/").length;
  return (abs) => {
    let rel = import_node_path2.default.relative(root, abs).split(import_node_path2.default.sep).join("/");
    if (rel === "" || rel.startsWith("../")) return false;
    for (; ; ) {
      if (rel.split("/").length <= depthOfWalked) return false;
      if (ignored.has(rel)) return true;
      const slash = rel.lastIndexOf("/");
      if (slash < 0) return false;
      rel = rel.slice(0, slash);
    }
  };
}
function git(cwd, args) {
  try {
    const r = (0, import_node_child_process.spawnSync)("git", args, { cwd, stdio: ["ignore", "pipe", "ignore"], maxBuffer: 256 * 1024 * 1024 });
    return r.status === 0 && r.stdout ? r.stdout : void 0;
  } catch {
    return void 0;
  }
}
function gitignoreFiles(cwd, dir) {
  const byDir = /* @__PURE__ */ new Map();
  const patternsOf = (d) => {
    let list2 = byDir.get(d);
    if (!list2) byDir.set(d, list2 = gitignoreGlobs(d).map(globToRegExp));
    return list2;
  };
  const base = isInside(import_node_path2.default.resolve(cwd), dir) ? import_node_path2.default.resolve(cwd) : dir;
  return (abs) => {
    for (let d = import_node_path2.default.dirname(abs); isInside(base, d); d = import_node_path2.default.dirname(d)) {
      const rel = import_node_path2.default.relative(d, abs).split(import_node_path2.default.sep).join("/");
      if (patternsOf(d).some((re) => re.test(rel))) return true;
      if (d === base) break;
    }
    return false;
  };
}
function isInside(parent, child) {
  const rel = import_node_path2.default.relative(parent, child);
  return rel === "" || !rel.startsWith("..") && !import_node_path2.default.isAbsolute(rel);
}
function gitignoreGlobs(dir) {
  let text;
  try {
    text = import_node_fs.default.readFileSync(import_node_path2.default.join(dir, ".gitignore"), "utf8");
  } catch {
    return [];
  }
  const out = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("!")) continue;
    let pat = line.replace(/\/+$/, "");
    const anchored = pat.includes("/");
    pat = pat.replace(/^\//, "");
    out.push(anchored ? pat : `**/${pat}`);
  }
  return out;
}

// src/files/walk.ts
var import_node_fs2 = __toESM(require("node:fs"), 1);
var import_node_path3 = __toESM(require("node:path"), 1);
var ALWAYS_IGNORED = /* @__PURE__ */ new Set(["node_modules", ".git"]);
function walkTree(tree, dir, accept, ignored) {
  const treeReal = realOrUndefined(Buffer.from(tree))?.toString("utf8") ?? tree;
  const files = /* @__PURE__ */ new Map();
  const skipped = [];
  const visited = /* @__PURE__ */ new Set();
  const deferred = [];
  const addFile = (raw, shown, real, link) => {
    const had = files.get(real);
    if (had && (!had.link || link && had.abs <= shown)) return;
    files.set(real, { abs: shown, raw: Buffer.from(shown, "utf8").equals(raw) ? void 0 : raw, link });
  };
  const visit2 = (rawDir, shownDir, viaLink) => {
    const real = realOrUndefined(rawDir)?.toString("latin1");
    if (real === void 0 || visited.has(real)) return;
    visited.add(real);
    let entries;
    try {
      entries = import_node_fs2.default.readdirSync(rawDir, { withFileTypes: true, encoding: "buffer" });
    } catch {
      return;
    }
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    for (const e of entries) {
      const name = e.name.toString("utf8");
      if (ALWAYS_IGNORED.has(name)) continue;
      const raw = Buffer.concat([rawDir, Buffer.from(import_node_path3.default.sep), e.name]);
      const shown = import_node_path3.default.join(shownDir, name);
      if (ignored(shown)) continue;
      if (e.isDirectory()) visit2(raw, shown, viaLink);
      else if (e.isFile()) {
        if (accept(name)) addFile(raw, shown, realOrUndefined(raw)?.toString("latin1") ?? shown, viaLink);
      } else if (e.isSymbolicLink()) {
        const target = realOrUndefined(raw);
        let st;
        try {
          st = target ? import_node_fs2.default.statSync(raw) : void 0;
        } catch {
          st = void 0;
        }
        if (!target || !st) {
          if (accept(name)) skipped.push({ abs: shown, reason: "broken" });
          continue;
        }
        if (!isInside2(treeReal, target.toString("utf8"))) {
          if (st.isDirectory() || accept(name)) skipped.push({ abs: shown, reason: "outside" });
          continue;
        }
        if (st.isDirectory()) deferred.push({ raw, shown });
        else if (st.isFile() && accept(name)) addFile(raw, shown, target.toString("latin1"), true);
      }
    }
  };
  visit2(Buffer.from(dir), dir, false);
  while (deferred.length > 0) {
    const next = deferred.shift();
    visit2(next.raw, next.shown, true);
  }
  return { files: [...files.values()].map(({ abs, raw }) => raw ? { abs, raw } : { abs }), skipped };
}
function realOrUndefined(p) {
  try {
    return import_node_fs2.default.realpathSync.native(p, { encoding: "buffer" });
  } catch {
    return void 0;
  }
}
function isInside2(parent, child) {
  const rel = import_node_path3.default.relative(parent, child);
  return rel === "" || !rel.startsWith("..") && !import_node_path3.default.isAbsolute(rel);
}

// src/files/discover.ts
function discover(cwd, inputs) {
  const files = /* @__PURE__ */ new Set();
  const missing = [];
  const skipped = [];
  const rawPaths = /* @__PURE__ */ new Map();
  for (const input of inputs.length > 0 ? inputs : ["."]) {
    const abs = import_node_path4.default.resolve(cwd, input);
    let stat;
    try {
      stat = import_node_fs3.default.statSync(abs);
    } catch {
      missing.push(input);
      continue;
    }
    if (stat.isFile()) {
      files.add(toRelative(cwd, abs));
      continue;
    }
    const walk = walkTree(treeOf(cwd, abs), abs, (name) => name.endsWith(".lua"), ignoreRules(cwd, abs));
    for (const f of walk.files) {
      const rel = toRelative(cwd, f.abs);
      files.add(rel);
      if (f.raw) rawPaths.set(rel, f.raw);
    }
    for (const s of walk.skipped) if (!skipped.some((k) => k.file === toRelative(cwd, s.abs))) skipped.push({ file: toRelative(cwd, s.abs), reason: s.reason });
  }
  return { files: [...files].sort(), missing, skipped: skipped.sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0), rawPaths };
}
function filesUnder(cwd, dir, pattern, caseSensitive = true) {
  const suffix = pattern.replace(/^\*\*\/\*/, "");
  const wanted = caseSensitive ? suffix : suffix.toLowerCase();
  const accept = (name) => (caseSensitive ? name : name.toLowerCase()).endsWith(wanted);
  return walkTree(treeOf(cwd, dir), dir, accept, ignoreRules(cwd, dir)).files.map((f) => f.abs);
}
function treeOf(cwd, dir) {
  const rel = import_node_path4.default.relative(import_node_path4.default.resolve(cwd), dir);
  return rel === "" || !rel.startsWith("..") && !import_node_path4.default.isAbsolute(rel) ? import_node_path4.default.resolve(cwd) : dir;
}
function toRelative(cwd, abs) {
  const rel = import_node_path4.default.relative(cwd, abs).split(import_node_path4.default.sep).join("/");
  return rel === "" ? "." : rel;
}

// src/nginx/include.ts
var import_node_fs4 = require("node:fs");
var import_node_path5 = require("node:path");

// src/nginx/lua-block.ts
var LuaLexKind = {
  LeftCurly: 0,
  RightCurly: 1,
  LongStringOpen: 2,
  LongCommentOpen: 3,
  LongBracketClose: 4,
  LineComment: 5,
  DoubleQuoted: 6,
  SingleQuoted: 7
};
var CONF_BUFFER = 4096;
var LF = 10;
var BACKSLASH = 92;
function luaLex(text, from, to) {
  for (let i = from; i < to; i++) {
    const m = matchAt(text, i, to);
    if (m) return m;
  }
  return void 0;
}
function matchAt(text, i, to) {
  const c = text.charCodeAt(i);
  switch (c) {
    case 123:
      return { kind: LuaLexKind.LeftCurly, start: i, end: i + 1 };
    case 125:
      return { kind: LuaLexKind.RightCurly, start: i, end: i + 1 };
    case 91: {
      const j = skipEquals(text, i + 1, to);
      if (j < to && text.charCodeAt(j) === 91) return { kind: LuaLexKind.LongStringOpen, start: i, end: j + 1 };
      return void 0;
    }
    case 93: {
      const j = skipEquals(text, i + 1, to);
      if (j < to && text.charCodeAt(j) === 93) return { kind: LuaLexKind.LongBracketClose, start: i, end: j + 1 };
      return void 0;
    }
    case 45: {
      if (i + 1 >= to || text.charCodeAt(i + 1) !== 45) return void 0;
      if (i + 2 < to && text.charCodeAt(i + 2) === 91) {
        const j = skipEquals(text, i + 3, to);
        if (j < to && text.charCodeAt(j) === 91) return { kind: LuaLexKind.LongCommentOpen, start: i, end: j + 1 };
      }
      let k = i + 2;
      while (k < to && text.charCodeAt(k) !== LF) k++;
      return { kind: LuaLexKind.LineComment, start: i, end: k };
    }
    case 34:
    // "
    case 39: {
      let j = i + 1;
      while (j < to) {
        const d = text.charCodeAt(j);
        if (d === LF) return void 0;
        if (d === BACKSLASH) {
          if (j + 1 < to && text.charCodeAt(j + 1) !== LF) {
            j += 2;
            continue;
          }
          return void 0;
        }
        if (d === c) {
          return { kind: c === 34 ? LuaLexKind.DoubleQuoted : LuaLexKind.SingleQuoted, start: i, end: j + 1 };
        }
        j++;
      }
      return void 0;
    }
    default:
      return void 0;
  }
}
function skipEquals(text, j, to) {
  while (j < to && text.charCodeAt(j) === 61) j++;
  return j;
}
function readLuaBlock(buf) {
  const text = buf.text;
  const size = text.length;
  const half = CONF_BUFFER / 2;
  const bodyOffset = buf.pos;
  const errors = [];
  const dropped = [];
  let level = 1;
  let lastCurly = buf.pos - 1;
  let reportedTooLong = false;
  const eof = () => {
    errors.push({
      offset: lastCurly,
      message: "unexpected end of file, expecting terminating characters for lua code block"
    });
    buf.pos = size;
    return { body: void 0, bodyOffset, close: void 0, errors };
  };
  const tooLong = (at2) => {
    if (reportedTooLong) return;
    reportedTooLong = true;
    errors.push({ offset: at2, message: "too long lua code block, probably missing terminating characters" });
  };
  for (; ; ) {
    let start2 = buf.pos;
    let kind;
    let tokenEnd;
    for (; ; ) {
      if (buf.pos >= buf.bufLast || buf.bufLast - buf.pos < half && buf.bufLast < size) {
        if (buf.bufLast >= size) return eof();
        if (buf.bufLast - start2 >= CONF_BUFFER) {
          tooLong(start2);
          start2 = buf.pos;
        }
        buf.bufStart = start2;
        buf.bufLast = Math.min(size, start2 + CONF_BUFFER);
      }
      const m = luaLex(text, buf.pos, buf.bufLast);
      if (!m) {
        if (buf.bufLast >= size) return eof();
        if (buf.bufLast - buf.pos >= CONF_BUFFER) tooLong(buf.pos);
        if (buf.pos > start2 && !reportedTooLong) {
          dropped.push({ start: start2, end: buf.pos });
          errors.push({
            offset: start2,
            message: `lua-nginx-module drops ${buf.pos - start2} bytes of this Lua block here: its block reader loses them when about 4 KB in a row contain no brace, quote, comment or long bracket; Lua gets other code than the file shows (break the run with a \`--\` comment)`
          });
        }
        const oldLast = buf.bufLast;
        buf.bufStart = buf.pos;
        buf.bufLast = Math.min(size, buf.pos + CONF_BUFFER);
        start2 = buf.bufStart;
        buf.pos = oldLast;
        continue;
      }
      kind = m.kind;
      tokenEnd = m.end;
      if (kind === LuaLexKind.LongStringOpen || kind === LuaLexKind.LongCommentOpen) {
        const open = kind === LuaLexKind.LongCommentOpen ? m.start + 2 : m.start;
        const closing = "]" + "=".repeat(m.end - open - 2) + "]";
        const q = text.indexOf(closing, m.end);
        if (q < 0 || q + closing.length > buf.bufLast) {
          errors.push({
            offset: m.start,
            message: `Lua code block missing the closing long bracket "${closing}", the inlined Lua code may be too long`
          });
          if (q < 0) {
            buf.pos = size;
            return { body: void 0, bodyOffset, close: void 0, errors };
          }
          buf.bufStart = m.start;
          buf.bufLast = Math.max(buf.bufLast, Math.min(size, q + closing.length));
        }
        tokenEnd = q + closing.length;
      }
      buf.pos = tokenEnd;
      break;
    }
    if (kind === LuaLexKind.LeftCurly) {
      level++;
      lastCurly = tokenEnd - 1;
    } else if (kind === LuaLexKind.RightCurly) {
      level--;
      if (level === 0) {
        const close = tokenEnd - 1;
        const result = { body: text.slice(bodyOffset, close), bodyOffset, close, errors };
        if (dropped.length > 0) result.dropped = dropped;
        return result;
      }
    }
  }
}

// src/nginx/tokenize.ts
var SPACE = 32;
var TAB = 9;
var CR = 13;
var LF2 = 10;
var SEMICOLON = 59;
var LBRACE = 123;
var RBRACE = 125;
var HASH = 35;
var BACKSLASH2 = 92;
var DQUOTE = 34;
var SQUOTE = 39;
var DOLLAR = 36;
var RPAREN = 41;
function isSpace(c) {
  return c === SPACE || c === TAB || c === CR || c === LF2;
}
var ConfReader = class {
  text;
  pos = 0;
  bufStart = 0;
  bufLast = 0;
  errors = [];
  constructor(text) {
    this.text = text;
  }
  error(offset, message) {
    this.errors.push({ offset, message });
  }
  readToken() {
    const text = this.text;
    const size = text.length;
    const args = [];
    let needSpace = false;
    let lastSpace = true;
    let sharpComment = false;
    let variable = false;
    let quoted = false;
    let sQuoted = false;
    let dQuoted = false;
    let start2 = this.pos;
    let tokenStart = this.pos;
    let reportedTooLong = false;
    for (; ; ) {
      if (this.pos >= this.bufLast) {
        if (this.bufLast >= size) {
          if (args.length > 0 || !lastSpace) {
            this.error(size, 'unexpected end of file, expecting ";" or "}"');
            if (!lastSpace && !needSpace) args.push(this.makeToken(tokenStart, size, start2, size, dQuoted || sQuoted));
          }
          this.pos = size;
          return { rc: "file-done", args };
        }
        if (this.pos - start2 >= CONF_BUFFER && !reportedTooLong) {
          reportedTooLong = true;
          if (dQuoted || sQuoted) {
            this.error(start2, `too long parameter, probably missing terminating "${dQuoted ? '"' : "'"}" character`);
          } else {
            this.error(start2, `too long parameter "${text.slice(start2, start2 + 10)}..." started`);
          }
        }
        this.bufStart = this.pos - start2 >= CONF_BUFFER ? this.pos : start2;
        this.bufLast = Math.min(size, this.bufStart + CONF_BUFFER);
      }
      const ch = text.charCodeAt(this.pos++);
      if (sharpComment) {
        if (ch !== LF2) continue;
        sharpComment = false;
      }
      if (quoted) {
        quoted = false;
        continue;
      }
      if (needSpace) {
        if (isSpace(ch)) {
          lastSpace = true;
          needSpace = false;
          continue;
        }
        if (ch === SEMICOLON) return { rc: "ok", args, end: this.pos };
        if (ch === LBRACE) return { rc: "block-start", args, open: this.pos - 1 };
        if (ch !== RPAREN) this.error(this.pos - 1, `unexpected "${text[this.pos - 1]}"`);
        lastSpace = true;
        needSpace = false;
      }
      if (lastSpace) {
        start2 = this.pos - 1;
        tokenStart = start2;
        if (isSpace(ch)) continue;
        switch (ch) {
          case SEMICOLON:
          case LBRACE:
            if (args.length === 0) {
              this.error(this.pos - 1, `unexpected "${text[this.pos - 1]}"`);
              continue;
            }
            if (ch === LBRACE) return { rc: "block-start", args, open: this.pos - 1 };
            return { rc: "ok", args, end: this.pos };
          case RBRACE:
            if (args.length !== 0) this.error(this.pos - 1, 'unexpected "}"');
            return { rc: "block-done", args, close: this.pos - 1 };
          case HASH:
            sharpComment = true;
            continue;
          case BACKSLASH2:
            quoted = true;
            lastSpace = false;
            continue;
          case DQUOTE:
            start2++;
            dQuoted = true;
            lastSpace = false;
            continue;
          case SQUOTE:
            start2++;
            sQuoted = true;
            lastSpace = false;
            continue;
          case DOLLAR:
            variable = true;
            lastSpace = false;
            continue;
          default:
            lastSpace = false;
        }
      } else {
        if (ch === LBRACE && variable) continue;
        variable = false;
        if (ch === BACKSLASH2) {
          quoted = true;
          continue;
        }
        if (ch === DOLLAR) {
          variable = true;
          continue;
        }
        let found = false;
        let wasQuoted = false;
        if (dQuoted) {
          if (ch === DQUOTE) {
            dQuoted = false;
            needSpace = true;
            found = true;
            wasQuoted = true;
          }
        } else if (sQuoted) {
          if (ch === SQUOTE) {
            sQuoted = false;
            needSpace = true;
            found = true;
            wasQuoted = true;
          }
        } else if (isSpace(ch) || ch === SEMICOLON || ch === LBRACE) {
          lastSpace = true;
          found = true;
        }
        if (found) {
          const valueEnd = this.pos - 1;
          args.push(this.makeToken(tokenStart, wasQuoted ? this.pos : valueEnd, start2, valueEnd, wasQuoted));
          if (ch === SEMICOLON) return { rc: "ok", args, end: this.pos };
          if (ch === LBRACE) return { rc: "block-start", args, open: this.pos - 1 };
        }
      }
    }
  }
  makeToken(tokenStart, end, valueStart, valueEnd, quoted) {
    const raw = this.text.slice(tokenStart, end);
    const token = { value: unescape2(this.text.slice(valueStart, valueEnd)), raw, start: tokenStart, end, quoted };
    if (quoted) token.quote = raw[0];
    return token;
  }
};
function unescape2(s) {
  if (s.indexOf("\\") < 0) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "\\" && i + 1 < s.length) {
      const n = s[i + 1];
      if (n === '"' || n === "'" || n === "\\") {
        out += n;
        i++;
        continue;
      }
      if (n === "t" || n === "r" || n === "n") {
        out += n === "t" ? "	" : n === "r" ? "\r" : "\n";
        i++;
        continue;
      }
    }
    out += c;
  }
  return out;
}
function tokenValueOffset(token, index) {
  let raw = token.quoted ? 1 : 0;
  const rawEnd = token.raw.length - (token.quoted ? 1 : 0);
  for (let v = 0; v < index && raw < rawEnd; v++) {
    if (token.raw[raw] === "\\" && raw + 1 < rawEnd && `"'\\trn`.includes(token.raw[raw + 1])) raw += 2;
    else raw += 1;
  }
  return token.start + raw;
}
function isLuaBlockName(name) {
  return name.endsWith("_by_lua_block");
}
function tokenizeConf(text) {
  const reader = new ConfReader(text);
  const events = [];
  let depth = 0;
  for (; ; ) {
    const r = reader.readToken();
    switch (r.rc) {
      case "ok":
        events.push({ type: "directive", args: r.args, end: r.end, terminated: true });
        break;
      case "block-start": {
        const name = r.args[0].value;
        if (!isLuaBlockName(name)) {
          events.push({ type: "block-start", args: r.args, open: r.open });
          depth++;
          break;
        }
        const info = luaDirective(name);
        if (info && !luaDirectiveArgCountOk(info, r.args.length - 1)) {
          reader.errors.push({ offset: r.args[0].start, message: `invalid number of arguments in "${name}" directive` });
        }
        const lua = readLuaBlock(reader);
        reader.errors.push(...lua.errors);
        const unclosed = lua.body === void 0;
        const event2 = {
          type: "lua-block",
          args: r.args,
          open: r.open,
          body: lua.body,
          bodyOffset: lua.bodyOffset,
          close: lua.close
        };
        if (lua.dropped) event2.dropped = lua.dropped;
        events.push(event2);
        if (unclosed) return { events, errors: reader.errors };
        break;
      }
      case "block-done":
        if (r.args.length > 0) {
          const last = r.args[r.args.length - 1];
          events.push({ type: "directive", args: r.args, end: last.end, terminated: false });
        }
        if (depth === 0) {
          if (r.args.length === 0) reader.errors.push({ offset: r.close, message: 'unexpected "}"' });
        } else {
          depth--;
          events.push({ type: "block-end", close: r.close });
        }
        break;
      case "file-done":
        if (r.args.length > 0) {
          const last = r.args[r.args.length - 1];
          events.push({ type: "directive", args: r.args, end: last.end, terminated: false });
        } else if (depth > 0) {
          reader.errors.push({ offset: text.length, message: 'unexpected end of file, expecting "}"' });
        }
        return { events, errors: reader.errors };
    }
  }
}

// src/nginx/conf-tree.ts
function parseConfText(text, file) {
  const { events, errors } = tokenizeConf(text);
  const diagnostics = errors.map((e) => ({ file, offset: e.offset, message: e.message }));
  const root = [];
  const stack = [root];
  const open = [];
  const add = (d) => stack[stack.length - 1].push(d);
  const report2 = (offset, message) => diagnostics.push({ file, offset, message });
  for (const ev of events) {
    if (ev.type === "block-end") {
      const d2 = open.pop();
      stack.pop();
      if (d2?.block) {
        d2.block.close = ev.close;
        d2.end = ev.close + 1;
      }
      continue;
    }
    const d = newDirective(ev, file);
    checkLuaDirective(d, ev, report2);
    add(d);
    if (ev.type === "block-start") {
      d.children = [];
      open.push(d);
      stack.push(d.children);
    }
  }
  for (const d of open) d.end = text.length;
  diagnostics.sort((a, b) => a.offset - b.offset);
  return { file, directives: root, errors: diagnostics };
}
function newDirective(ev, file) {
  const [nameToken, ...args] = ev.args;
  const d = { name: nameToken.value, args, nameToken, file, offset: nameToken.start, end: 0 };
  switch (ev.type) {
    case "directive":
      d.end = ev.end;
      break;
    case "block-start":
      d.end = ev.open + 1;
      d.block = { open: ev.open, close: void 0 };
      break;
    case "lua-block":
      d.end = ev.close === void 0 ? ev.bodyOffset + (ev.body?.length ?? 0) : ev.close + 1;
      d.block = { open: ev.open, close: ev.close };
      if (ev.body !== void 0) {
        d.lua = { form: "block", phase: luaDirective(d.name)?.phase, body: ev.body, bodyOffset: ev.bodyOffset };
        if (ev.dropped) d.lua.dropped = ev.dropped;
      }
      break;
  }
  if (ev.type === "directive") {
    const info = luaDirective(d.name);
    if (info && info.form !== "block") {
      const token = args[info.argsBefore];
      if (token) {
        d.lua = info.form === "string" ? { form: "string", phase: info.phase, body: token.value, token } : { form: "file", phase: info.phase, path: token.value, token };
      }
    }
  }
  return d;
}
function checkLuaDirective(d, ev, report2) {
  const info = luaDirective(d.name);
  if (!info) return;
  if (info.form === "block") {
    if (ev.type === "directive" && ev.terminated) report2(d.offset, `directive "${d.name}" has no opening "{"`);
    else if (ev.type === "lua-block" && ev.body === "" && info.emptyCodeRejected) report2(d.offset, NO_CODE);
    return;
  }
  if (ev.type !== "directive") {
    report2(d.offset, `directive "${d.name}" is not terminated by ";"`);
    return;
  }
  if (!luaDirectiveArgCountOk(info, d.args.length)) {
    report2(d.offset, `invalid number of arguments in "${d.name}" directive`);
    return;
  }
  if (info.emptyCodeRejected && d.args[info.argsBefore]?.value === "") report2(d.offset, NO_CODE);
}
var NO_CODE = "invalid location config: no runnable Lua code";

// src/nginx/glob.ts
function globFiles(files, pattern) {
  if (!files.list) return void 0;
  const list2 = files.list.bind(files);
  const absolute = pattern.startsWith("/");
  const parts = pattern.split("/").filter((p) => p !== "");
  let first = parts.findIndex(hasMagic);
  if (first < 0) first = Math.max(0, parts.length - 1);
  const head = parts.slice(0, first).map(unescapeGlob).join("/");
  let current = [absolute ? `/${head}` : head === "" ? "." : head];
  for (let i = first; i < parts.length; i++) {
    const part = parts[i];
    const next = [];
    for (const dir of current) {
      if (!hasMagic(part)) {
        const name = unescapeGlob(part);
        const entries = list2(dir);
        if (entries?.includes(name) || (name === "." || name === "..") && entries) next.push(joinPath(dir, name));
        continue;
      }
      for (const name of list2(dir) ?? []) {
        if (fnmatch(part, name)) next.push(joinPath(dir, name));
      }
    }
    current = next;
  }
  return current.sort(byteOrder);
}
function joinPath(dir, name) {
  return dir === "/" ? `/${name}` : dir === "." ? name : `${dir}/${name}`;
}
function byteOrder(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
function hasMagic(part) {
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === "\\") i++;
    else if (c === "*" || c === "?" || c === "[") return true;
  }
  return false;
}
function unescapeGlob(part) {
  return part.replace(/\\(.)/g, "$1");
}
function fnmatch(pattern, name) {
  if (name.startsWith(".") && !pattern.startsWith(".") && !pattern.startsWith("\\.")) return false;
  return matchFrom(pattern, 0, name, 0);
}
function matchFrom(p, pi, s, si) {
  while (pi < p.length) {
    const c = p[pi];
    if (c === "*") {
      while (p[pi] === "*") pi++;
      if (pi === p.length) return true;
      for (let k = si; k <= s.length; k++) if (matchFrom(p, pi, s, k)) return true;
      return false;
    }
    if (si >= s.length) return false;
    if (c === "?") {
      pi++;
      si++;
      continue;
    }
    if (c === "[") {
      const r = matchBracket(p, pi, s[si]);
      if (r === void 0) {
        if (s[si] !== "[") return false;
        pi++;
        si++;
        continue;
      }
      if (!r.matched) return false;
      pi = r.next;
      si++;
      continue;
    }
    if (c === "\\" && pi + 1 < p.length) {
      if (p[pi + 1] !== s[si]) return false;
      pi += 2;
      si++;
      continue;
    }
    if (c !== s[si]) return false;
    pi++;
    si++;
  }
  return si === s.length;
}
var CLASSES = {
  alpha: (ch) => /[A-Za-z]/.test(ch),
  digit: (ch) => /[0-9]/.test(ch),
  alnum: (ch) => /[A-Za-z0-9]/.test(ch),
  upper: (ch) => /[A-Z]/.test(ch),
  lower: (ch) => /[a-z]/.test(ch),
  space: (ch) => /[ \t\n\r\f\v]/.test(ch),
  blank: (ch) => ch === " " || ch === "	",
  punct: (ch) => /[!-/:-@[-`{-~]/.test(ch),
  xdigit: (ch) => /[0-9A-Fa-f]/.test(ch),
  print: (ch) => ch >= " " && ch <= "~",
  graph: (ch) => ch > " " && ch <= "~",
  cntrl: (ch) => ch < " " || ch === "\x7F"
};
function matchBracket(p, pi, ch) {
  let i = pi + 1;
  let negate = false;
  if (p[i] === "!" || p[i] === "^") {
    negate = true;
    i++;
  }
  let matched = false;
  let first = true;
  while (i < p.length) {
    let c = p[i];
    if (c === "]" && !first) return { matched: matched !== negate, next: i + 1 };
    first = false;
    if (c === "[" && p[i + 1] === ":") {
      const end = p.indexOf(":]", i + 2);
      if (end > 0) {
        const test = CLASSES[p.slice(i + 2, end)];
        if (test?.(ch)) matched = true;
        i = end + 2;
        continue;
      }
    }
    if (c === "\\" && i + 1 < p.length) {
      i++;
      c = p[i];
    }
    if (p[i + 1] === "-" && i + 2 < p.length && p[i + 2] !== "]") {
      let hi = p[i + 2];
      let skip = 3;
      if (hi === "\\" && i + 3 < p.length) {
        hi = p[i + 3];
        skip = 4;
      }
      if (ch >= c && ch <= hi) matched = true;
      i += skip;
      continue;
    }
    if (ch === c) matched = true;
    i++;
  }
  return void 0;
}

// src/nginx/include.ts
var nodeConfFiles = {
  read(path22) {
    try {
      if (!(0, import_node_fs4.statSync)(path22).isFile()) return void 0;
      return (0, import_node_fs4.readFileSync)(path22);
    } catch {
      return void 0;
    }
  },
  list(dir) {
    try {
      return (0, import_node_fs4.readdirSync)(dir);
    } catch {
      return void 0;
    }
  },
  realpath(path22) {
    try {
      return import_node_fs4.realpathSync.native(path22);
    } catch {
      return void 0;
    }
  }
};
var SHIPPED_CONF_FILES = [
  "fastcgi.conf",
  "fastcgi_params",
  "koi-utf",
  "koi-win",
  "mime.types",
  "scgi_params",
  "uwsgi_params",
  "win-utf",
  "proxy_params"
];
var SHIPPED_TAILS = [
  "snippets/fastcgi-php.conf",
  "snippets/snakeoil.conf",
  "modules-enabled/*.conf",
  "nginx/modules/*.conf"
];
function isShippedInclude(path22) {
  const segs = path22.split("/").filter((x) => x !== "" && x !== ".");
  if (segs.length === 0) return false;
  if (SHIPPED_CONF_FILES.includes(segs[segs.length - 1])) return true;
  return SHIPPED_TAILS.some((t) => segs.slice(-t.split("/").length).join("/") === t);
}
function parseNginxConf(files, mainPath, options = {}) {
  const confPrefix = options.confPrefix ?? (0, import_node_path5.dirname)(mainPath);
  const maxDepth = options.maxIncludeDepth ?? 64;
  const maxParses = options.maxIncludedFiles ?? 1e4;
  const show = options.display ?? ((p) => p);
  const tree = options.tree ? treeAccess(files, options.tree) : void 0;
  const sources = /* @__PURE__ */ new Map();
  const parsed = /* @__PURE__ */ new Map();
  const keyed = [];
  const seenErrors = /* @__PURE__ */ new Set();
  const unresolved = [];
  const bySuffix = [];
  const seenIncludes = /* @__PURE__ */ new Set();
  let parses = 0;
  const report2 = (e, includePath) => {
    const id = `${e.file}\0${e.offset}\0${e.message}`;
    if (seenErrors.has(id)) return;
    seenErrors.add(id);
    keyed.push({ key: [...includePath, e.offset], error: e });
  };
  const sortedErrors = () => keyed.sort((a, b) => compareKeys(a.key, b.key)).map((k) => k.error);
  const once = (d) => {
    const id = `${d.file}\0${d.offset}`;
    if (seenIncludes.has(id)) return false;
    seenIncludes.add(id);
    return true;
  };
  const load = (path22) => {
    if (parsed.has(path22)) return parsed.get(path22);
    const bytes = files.read(path22);
    if (!bytes) {
      parsed.set(path22, void 0);
      return void 0;
    }
    const source = new SourceText(bytes);
    sources.set(path22, source);
    const result = parseConfText(source.latin1, path22);
    if (source.bomLength > 0) {
      result.errors.unshift({
        file: path22,
        offset: 0,
        message: "the file starts with a UTF-8 byte order mark, which nginx reads as part of the first directive name"
      });
    }
    parsed.set(path22, result);
    return result;
  };
  const resolveInclude = (d, stack, here) => {
    const arg = d.args[0].value;
    const pattern = (0, import_node_path5.isAbsolute)(arg) ? arg : (0, import_node_path5.join)(confPrefix, arg);
    const isGlob = /[*?[]/.test(pattern);
    if (!tree) {
      const globbed = isGlob ? globFiles(files, pattern) : [pattern];
      if (globbed === void 0) {
        here(`cannot expand the include pattern "${show(pattern)}": no directory listing available`);
        return void 0;
      }
      return { pattern, files: globbed.map((p) => (0, import_node_path5.resolve)(p)) };
    }
    const full = (0, import_node_path5.normalize)(pattern);
    const shipped = isShippedInclude(full);
    const unread = (reason, extra = {}) => {
      if (once(d)) unresolved.push({ file: d.file, offset: d.offset, path: arg, reason, ...extra });
    };
    if (tree.contains(isGlob ? literalHead(full) : full)) {
      let refused = false;
      const list2 = (dir) => {
        if (tree.readable(dir)) return files.list(dir);
        refused = true;
        return void 0;
      };
      const globbed = isGlob ? globFiles({ list: files.list && list2 }, full) : [full];
      if (globbed === void 0) {
        here(`cannot expand the include pattern "${show(full)}": no directory listing available`);
        return void 0;
      }
      const matched = globbed.map((p) => (0, import_node_path5.resolve)(p));
      if (!isGlob && !exists(files, matched[0])) {
        if (!shipped) unread("missing", { expected: matched[0] });
        return void 0;
      }
      const inside = matched.filter((p) => tree.readable(p));
      if (refused || inside.length < matched.length) unread("outside");
      return { pattern: full, files: inside };
    }
    if (shipped) return void 0;
    if (!(0, import_node_path5.isAbsolute)(arg)) {
      unread("outside");
      return void 0;
    }
    const m = tree.bySuffix(full, (0, import_node_path5.dirname)((0, import_node_path5.resolve)(mainPath)), stack);
    if (m.kind === "none") {
      unread("outside");
      return void 0;
    }
    if (m.kind === "ambiguous") {
      unread("ambiguous", { candidates: m.candidates });
      return void 0;
    }
    if (once(d)) bySuffix.push({ file: d.file, offset: d.offset, path: arg, deployedAs: m.deployedAs, tail: m.tail, treeDir: m.treeDir, files: m.files });
    return { pattern: full, files: m.files };
  };
  const expand = (list2, stack, at2) => {
    const out = [];
    for (const d of list2) {
      const copy = { ...d };
      if (d.children) copy.children = expand(d.children, stack, at2);
      out.push(copy);
      if (d.name !== "include") continue;
      const includingFile = d.file;
      const here = (message) => report2({ file: includingFile, offset: d.offset, message }, at2);
      if (d.block) {
        here('directive "include" is not terminated by ";"');
        continue;
      }
      if (d.args.length !== 1) {
        here('invalid number of arguments in "include" directive');
        continue;
      }
      const resolved = resolveInclude(d, stack, here);
      if (!resolved) continue;
      copy.include = resolved;
      for (const path22 of resolved.files) {
        if (stack.includes(path22)) {
          here(`include cycle: ${[...stack.slice(stack.indexOf(path22)), path22].map(show).join(" -> ")}`);
          continue;
        }
        if (stack.length > maxDepth) {
          here(`includes nested deeper than ${maxDepth} files`);
          continue;
        }
        if (++parses > maxParses) {
          here(`more than ${maxParses} included files; the rest are skipped`);
          continue;
        }
        const sub = load(path22);
        if (!sub) {
          here(`open() "${show(path22)}" failed (cannot read the file)`);
          continue;
        }
        const subAt = [...at2, d.offset];
        for (const e of sub.errors) report2(e, subAt);
        out.push(...expand(sub.directives, [...stack, path22], subAt));
      }
    }
    return out;
  };
  const main = (0, import_node_path5.resolve)(mainPath);
  const done = (directives) => ({ mainPath: main, directives, sources, errors: sortedErrors(), unresolved, bySuffix });
  if (tree && !tree.readable(main)) {
    unresolved.push({ file: main, offset: 0, path: show(main), reason: "outside" });
    return done([]);
  }
  const root = load(main);
  if (!root) {
    report2({ file: main, offset: 0, message: `open() "${show(main)}" failed (cannot read the file)` }, []);
    return done([]);
  }
  for (const e of root.errors) report2(e, []);
  return done(expand(root.directives, [main], []));
}
function exists(files, path22) {
  if (files.realpath) return files.realpath(path22) !== void 0;
  return files.read(path22) !== void 0 || files.list?.(path22) !== void 0;
}
function literalHead(pattern) {
  const parts = pattern.split("/");
  const first = parts.findIndex((p) => hasMagic(p));
  return first < 0 ? pattern : parts.slice(0, first).join("/") || "/";
}
var treeIndexes = /* @__PURE__ */ new WeakMap();
function treeAccess(files, tree) {
  const roots = tree.roots.map((r) => (0, import_node_path5.resolve)(r));
  const realRoots = roots.map((r) => files.realpath?.(r) ?? r);
  const contains = (p) => underAny((0, import_node_path5.resolve)(p), roots);
  const readable = (p) => {
    if (!contains(p)) return false;
    const real = files.realpath?.(p);
    return real === void 0 || underAny(real, realRoots) || underAny(real, roots);
  };
  const index = () => {
    const list2 = tree.files();
    let idx = treeIndexes.get(list2);
    if (!idx) {
      idx = [];
      for (const abs of list2) {
        const root = roots.filter((r) => underAny(abs, [r])).sort((a, b) => a.length - b.length)[0];
        if (root === void 0) continue;
        idx.push({ abs, segs: (0, import_node_path5.relative)(root, abs).split(import_node_path5.sep).filter((x) => x !== "") });
      }
      treeIndexes.set(list2, idx);
    }
    return idx;
  };
  return {
    contains,
    readable,
    bySuffix: (path22, mainDir, exclude) => suffixMatch(path22, index(), mainDir, exclude, readable)
  };
}
function underAny(p, roots) {
  const trim2 = (x) => x.length > 1 && x.endsWith(import_node_path5.sep) ? x.slice(0, -1) : x;
  const q = trim2(p);
  return roots.some((r) => {
    const base = trim2(r);
    return q === base || q.startsWith(base === import_node_path5.sep ? base : base + import_node_path5.sep);
  });
}
function suffixMatch(path22, files, mainDir, exclude, readable) {
  const want = path22.split("/").filter((x) => x !== "");
  const magic = want.map((w) => hasMagic(w));
  const glob = magic.some((m) => m);
  const same = (i, name) => magic[i] ? fnmatch(want[i], name) : (glob ? want[i].replace(/\\(.)/g, "$1") : want[i]) === name;
  const parent = (0, import_node_path5.dirname)(mainDir);
  const allowed = (dir) => underAny(mainDir, [dir]) || underAny(dir, [parent]);
  let best = 0;
  let hits = [];
  for (const file of files) {
    if (exclude.includes(file.abs)) continue;
    const n = Math.min(want.length, file.segs.length);
    let k = 0;
    while (k < n && same(want.length - 1 - k, file.segs[file.segs.length - 1 - k])) k++;
    if (k === 0 || k < best) continue;
    if (!magic.slice(want.length - k).some((m) => !m)) continue;
    if (!allowed(anchorOf(file, k))) continue;
    if (k > best) {
      best = k;
      hits = [];
    }
    hits.push({ file, k });
  }
  hits = hits.filter((h) => readable(h.file.abs));
  if (hits.length === 0) return { kind: "none" };
  const dirOf = (f) => anchorOf(f, best);
  const byDir = /* @__PURE__ */ new Map();
  for (const h of hits) byDir.set(dirOf(h.file), [...byDir.get(dirOf(h.file)) ?? [], h.file.abs]);
  const mainSegs = mainDir.split(import_node_path5.sep);
  const nearness = (dir) => {
    const segs = dir.split(import_node_path5.sep).filter((x) => x !== "");
    const m = mainSegs.filter((x) => x !== "");
    let i = 0;
    while (i < segs.length && i < m.length && segs[i] === m[i]) i++;
    return i;
  };
  const dirs = [...byDir.keys()].map((dir) => ({ dir, near: nearness(dir) })).sort((a, b) => b.near - a.near);
  if (dirs.length > 1 && dirs[0].near === dirs[1].near) {
    return { kind: "ambiguous", candidates: dirs.filter((x) => x.near === dirs[0].near).flatMap((x) => byDir.get(x.dir)).sort(byteOrder2) };
  }
  const treeDir = dirs[0].dir;
  const deployedAs = `/${want.slice(0, want.length - best).map((x) => `${x}/`).join("")}`;
  const tail = want.slice(want.length - best).join("/");
  return { kind: "match", files: byDir.get(treeDir).sort(byteOrder2), deployedAs, tail, treeDir };
}
function anchorOf(f, k) {
  return f.abs.slice(0, f.abs.length - f.segs.slice(f.segs.length - k).join(import_node_path5.sep).length);
}
function byteOrder2(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
function compareKeys(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

// src/nginx/nginx-model.ts
var import_node_path6 = require("node:path");
var DEFAULT_SETTINGS = { codeCache: true, keepaliveTimeoutMs: 6e4, poolSize: 30 };
var EXTRA_COSOCKET_PHASES = /* @__PURE__ */ new Set(["preread"]);
var LUA_NAME = /^([a-z_]+)_by_lua(_block|_file)?$/;
function buildNginxModel(parsed) {
  const model = {
    mainFile: parsed.mainPath,
    entries: [],
    packagePaths: [],
    codeCache: [],
    keepaliveTimeouts: [],
    errors: parsed.errors.map((e) => ({ file: e.file, offset: e.offset, message: e.message }))
  };
  const duplicateErrors = [];
  const loc2 = (d) => ({ file: d.file, offset: d.offset });
  const duplicate = (d) => duplicateErrors.push({ ...loc2(d), message: `"${d.name}" directive is duplicate` });
  const walk = (list2, context, inherited, main) => {
    const settings = { ...inherited };
    const seen = /* @__PURE__ */ new Set();
    for (const d of list2) {
      if (d.children) continue;
      const arg = d.args[0]?.value;
      switch (d.name) {
        case "lua_code_cache":
        case "lua_socket_keepalive_timeout":
        case "lua_socket_pool_size":
        case "lua_package_path":
          if (seen.has(d.name)) {
            duplicate(d);
            continue;
          }
          seen.add(d.name);
          break;
        case "worker_processes":
          if (!main) continue;
          if (model.workerProcesses) duplicate(d);
          else if (arg !== void 0) model.workerProcesses = { value: arg, location: loc2(d) };
          continue;
        default:
          continue;
      }
      if (arg === void 0) continue;
      if (d.name === "lua_code_cache") {
        settings.codeCache = arg.toLowerCase() !== "off";
        model.codeCache.push({ value: arg, location: loc2(d), context: [...context] });
      } else if (d.name === "lua_socket_keepalive_timeout") {
        const ms = parseNginxTime(arg);
        if (ms !== null) settings.keepaliveTimeoutMs = ms;
        model.keepaliveTimeouts.push({ ms, raw: arg, location: loc2(d) });
      } else if (d.name === "lua_socket_pool_size") {
        if (/^\d+$/.test(arg) && Number(arg) > 0) settings.poolSize = Number(arg);
      } else {
        model.packagePaths.push({ pattern: arg, location: loc2(d) });
      }
    }
    for (const d of list2) {
      const entry2 = luaEntry(d, context, settings);
      if (entry2) model.entries.push(entry2);
      if (d.children) walk(d.children, [...context, blockName(d)], settings, false);
    }
  };
  walk(parsed.directives, [], { ...DEFAULT_SETTINGS }, true);
  model.errors.push(...duplicateErrors);
  return model;
}
function blockName(d) {
  return [d.nameToken.raw, ...d.args.map((a) => a.raw)].join(" ");
}
function luaEntry(d, context, settings) {
  const m = LUA_NAME.exec(d.name);
  if (!m) return void 0;
  const info = luaDirective(d.name);
  const form = m[2] === "_block" ? "block" : m[2] === "_file" ? "file" : "string";
  const phase = info?.phase ?? m[1];
  const base = {
    phase,
    form,
    directive: d.name,
    location: { file: d.file, offset: d.offset },
    cosocketAllowed: info ? info.cosocket : phaseAllowsCosocket(phase) || EXTRA_COSOCKET_PHASES.has(phase),
    context: [...context],
    settings: { ...settings }
  };
  const file = d.file;
  if (form === "block") {
    if (d.lua?.form !== "block") return void 0;
    const { body, bodyOffset } = d.lua;
    return { ...base, code: { text: body, toConf: (o) => ({ file, offset: bodyOffset + o }) } };
  }
  const token = d.lua && d.lua.form !== "block" ? d.lua.token : !info && !d.children && !d.block ? d.args[0] : void 0;
  if (!token) return void 0;
  if (form === "file") return { ...base, filePath: token.value };
  return { ...base, code: { text: token.value, toConf: (o) => ({ file, offset: tokenValueOffset(token, o) }) } };
}
function luaPackageRoots(pattern) {
  const roots = [];
  for (const raw of pattern.split(";")) {
    let t = raw.trim();
    if (t === "") continue;
    t = t.replace(/\$\{prefix\}|\$prefix/g, "$prefix/");
    const segments = t.split("/");
    const q = segments.findIndex((s) => s.includes("?"));
    const dirSegments = q >= 0 ? segments.slice(0, q) : segments.slice(0, -1);
    let dir = dirSegments.join("/");
    if (dir === "") dir = t.startsWith("/") ? "/" : ".";
    dir = import_node_path6.posix.normalize(dir);
    if (dir.length > 1 && dir.endsWith("/")) dir = dir.slice(0, -1);
    if (!roots.includes(dir)) roots.push(dir);
  }
  return roots;
}
function parseNginxTime(raw) {
  const MAX = 2147483647;
  const ST = { month: 2, week: 3, day: 4, hour: 5, min: 6, sec: 7, msec: 8, last: 9 };
  let step = ST.month;
  let valid = false;
  let value = 0;
  let total = 0;
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c >= "0" && c <= "9") {
      value = value * 10 + (c.charCodeAt(0) - 48);
      valid = true;
      i++;
      continue;
    }
    i++;
    let scale;
    let max;
    switch (c) {
      case "w":
        if (step >= ST.week) return null;
        step = ST.week;
        scale = 60 * 60 * 24 * 7;
        break;
      case "d":
        if (step >= ST.day) return null;
        step = ST.day;
        scale = 60 * 60 * 24;
        break;
      case "h":
        if (step >= ST.hour) return null;
        step = ST.hour;
        scale = 60 * 60;
        break;
      case "m":
        if (raw[i] === "s") {
          if (step >= ST.msec) return null;
          i++;
          step = ST.msec;
          scale = 1;
          break;
        }
        if (step >= ST.min) return null;
        step = ST.min;
        scale = 60;
        break;
      case "s":
        if (step >= ST.sec) return null;
        step = ST.sec;
        scale = 1;
        break;
      case " ":
        if (step >= ST.sec) return null;
        step = ST.last;
        scale = 1;
        break;
      default:
        return null;
    }
    max = Math.floor(MAX / scale);
    if (step !== ST.msec) {
      scale *= 1e3;
      max = Math.floor(max / 1e3);
    }
    if (value > max) return null;
    total += value * scale;
    if (total > MAX) return null;
    value = 0;
    while (i < raw.length && raw[i] === " ") i++;
  }
  return valid ? total + value * 1e3 : null;
}
function mapLuaFile(filePath, luaFiles) {
  const p = filePath.trim().replace(/^(?:\$\{prefix\}|\$prefix)/, "");
  if (p.includes("$")) return void 0;
  const want = segmentsOf(p);
  if (want.length === 0) return void 0;
  let best;
  let bestScore = 0;
  let bestLength = 0;
  let tie = false;
  for (const { file: f, segs: have } of filesByBaseName(luaFiles).get(want[want.length - 1]) ?? []) {
    const n = Math.min(want.length, have.length);
    let common = 0;
    while (common < n && want[want.length - 1 - common] === have[have.length - 1 - common]) common++;
    if (common === 0 || common < n) continue;
    if (common > bestScore || common === bestScore && have.length < bestLength) {
      best = f;
      bestScore = common;
      bestLength = have.length;
      tie = false;
    } else if (common === bestScore && have.length === bestLength && f !== best) {
      tie = true;
    }
  }
  return tie ? void 0 : best;
}
var baseNameIndex = /* @__PURE__ */ new WeakMap();
function filesByBaseName(luaFiles) {
  let index = baseNameIndex.get(luaFiles);
  if (!index) {
    index = /* @__PURE__ */ new Map();
    for (const file of luaFiles) {
      const segs = segmentsOf(file);
      if (segs.length === 0) continue;
      const base = segs[segs.length - 1];
      const list2 = index.get(base);
      if (list2) list2.push({ file, segs });
      else index.set(base, [{ file, segs }]);
    }
    baseNameIndex.set(luaFiles, index);
  }
  return index;
}
function segmentsOf(p) {
  const segs = import_node_path6.posix.normalize(p.replace(/\\/g, "/")).split("/").filter((s) => s !== "" && s !== ".");
  while (segs[0] === "..") segs.shift();
  return segs;
}

// src/project/nginx-units.ts
var DEFAULT_MAX_CONF_BYTES = 4 * 1024 * 1024;
function loadNginxUnits(cwd, candidates, luaFiles, syntax = DEFAULT_LUA_SYNTAX, maxBytes = DEFAULT_MAX_CONF_BYTES) {
  const out = {
    units: [],
    fileEntries: /* @__PURE__ */ new Map(),
    keepaliveTimeoutMs: /* @__PURE__ */ new Map(),
    facts: { codeCache: [], defaultKeepaliveTimeoutMs: DEFAULT_SETTINGS.keepaliveTimeoutMs },
    sources: /* @__PURE__ */ new Map(),
    diagnostics: []
  };
  const rel = (abs) => import_node_path7.default.relative(cwd, abs).split(import_node_path7.default.sep).join("/");
  const tree = scannedTree(cwd, candidates);
  const parsed = [];
  const oversized = /* @__PURE__ */ new Map();
  const files = {
    ...nodeConfFiles,
    read(p) {
      const size = fileSize(p);
      if (size !== void 0 && size > maxBytes) {
        oversized.set(p, size);
        return Buffer.alloc(0);
      }
      return nodeConfFiles.read(p);
    }
  };
  for (const c of candidates) {
    try {
      parsed.push(parseNginxConf(files, import_node_path7.default.resolve(cwd, c), { tree, display: rel }));
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      out.diagnostics.push(diag("not-analyzed", "note", "nginx configuration nested too deeply to analyze (stack exhausted); it was skipped", { file: c, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }));
    }
  }
  for (const [abs, size] of oversized) {
    const message = `Not analyzed: ${size} bytes is over the ${maxBytes}-byte limit for a file (maxFileBytes in the config file); it was read as empty.`;
    out.diagnostics.push(diag("not-analyzed", "note", message, { file: rel(abs), startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }));
  }
  const mains = mainConfigs(parsed);
  for (const conf of mains) {
    for (const [file, text] of conf.sources) out.sources.set(rel(file), text);
    const at2 = (loc2, length = 1) => {
      const text = conf.sources.get(loc2.file);
      const p = text ? text.position(loc2.offset) : { line: 1, column: 1 };
      const q = text ? text.position(loc2.offset + length) : p;
      return { file: rel(loc2.file), startLine: p.line, startColumn: p.column, endLine: q.line, endColumn: q.column };
    };
    let model;
    try {
      model = buildNginxModel(conf);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      out.diagnostics.push(diag("not-analyzed", "note", "nginx configuration nested too deeply to analyze (stack exhausted); it was skipped", at2({ file: conf.mainPath, offset: 0 })));
      continue;
    }
    for (const e of model.errors) out.diagnostics.push(diag("syntax-error", "error", `nginx configuration error: ${e.message}`, at2(e)));
    out.diagnostics.push(...includeNotes(conf, rel, at2));
    for (const c of model.codeCache) out.facts.codeCache.push({ value: c.value, location: at2(c.location, "lua_code_cache".length) });
    if (model.workerProcesses && !out.facts.workerProcesses) {
      out.facts.workerProcesses = { value: model.workerProcesses.value, location: at2(model.workerProcesses.location) };
    }
    const httpTimeout = model.keepaliveTimeouts.find((t) => t.ms !== null);
    if (httpTimeout?.ms != null) out.facts.defaultKeepaliveTimeoutMs = httpTimeout.ms;
    for (const entry2 of model.entries) {
      const ep = {
        directive: entry2.directive,
        phase: entry2.phase,
        cosocketAllowed: entry2.cosocketAllowed,
        location: at2(entry2.location, entry2.directive.length)
      };
      if (entry2.form === "file") {
        const target = entry2.filePath ? mapLuaFile(entry2.filePath, luaFiles) : void 0;
        if (!target) continue;
        out.fileEntries.set(target, [...out.fileEntries.get(target) ?? [], ep]);
        out.keepaliveTimeoutMs.set(target, entry2.settings.keepaliveTimeoutMs);
        continue;
      }
      const unit = inlineUnit(entry2, ep, at2, out.diagnostics, syntax);
      if (unit) {
        out.units.push(unit);
        out.keepaliveTimeoutMs.set(unit.path, entry2.settings.keepaliveTimeoutMs);
      }
    }
  }
  return out;
}
function scannedTree(cwd, candidates) {
  const roots = [import_node_path7.default.resolve(cwd)];
  for (const c of candidates) {
    const dir = import_node_path7.default.dirname(import_node_path7.default.resolve(cwd, c));
    if (!roots.some((r) => dir === r || dir.startsWith(r.endsWith(import_node_path7.default.sep) ? r : r + import_node_path7.default.sep))) roots.push(dir);
  }
  let list2;
  return { roots, files: () => list2 ??= [...new Set(roots.flatMap((r) => filesUnder(cwd, r, "**/*", true)))] };
}
function includeNotes(conf, rel, at2) {
  const out = [];
  const goesOn = "the analysis went on without it";
  for (const u of conf.unresolved) {
    if (!conf.sources.has(u.file)) {
      out.push(diag("unresolved-include", "note", `${u.path} is a symbolic link to outside the scanned tree, so it was not read; ${goesOn}.`, at2(u, 0)));
      continue;
    }
    let message;
    if (u.reason === "missing") {
      message = `The included file "${u.path}" is not in the scanned tree (nginx reads it as ${rel(u.expected)}): generated at deploy time, or installed on the server? ${cap(goesOn)}.`;
    } else if (u.reason === "outside") {
      message = `The included path "${u.path}" is outside the scanned tree and was not read (resty-lint reads nothing outside it); ${goesOn}.`;
    } else {
      message = `The included path "${u.path}" is not in the scanned tree, and several files there end like it (${names(u.candidates.map(rel))}), none nearer to this configuration than the others, so none was read; ${goesOn}.`;
    }
    out.push(diag("unresolved-include", "note", message, at2(u, "include".length)));
  }
  const groups = /* @__PURE__ */ new Map();
  for (const m of conf.bySuffix) {
    const key = `${m.deployedAs}\0${m.treeDir}`;
    groups.set(key, [...groups.get(key) ?? [], m]);
  }
  for (const list2 of groups.values()) {
    const first = list2[0];
    const dir = rel(first.treeDir);
    const shown = dir === "" ? "" : `${dir}/`;
    const more = list2.length > 1 ? `; the same for ${list2.length - 1} more include${list2.length > 2 ? "s" : ""} under "${first.deployedAs}" in this configuration` : "";
    const message = `The included path "${first.path}" is not in the scanned tree; ${shown}${first.tail} was read instead, taking "${first.deployedAs}" for ${shown || "./"} (matched by path suffix${more}).`;
    out.push(diag("unresolved-include", "note", message, at2(first, "include".length)));
  }
  return out;
}
function cap(s) {
  return s[0].toUpperCase() + s.slice(1);
}
function names(paths) {
  if (paths.length > 3) return `${paths.slice(0, 2).join(", ")} and ${paths.length - 2} more`;
  return paths.length === 1 ? paths[0] : `${paths.slice(0, -1).join(", ")} and ${paths[paths.length - 1]}`;
}
function inlineUnit(entry2, ep, at2, diagnostics, syntax) {
  const code = entry2.code;
  if (!code) return void 0;
  const unitPath = `${ep.location.file}:${ep.location.startLine}:${ep.location.startColumn}`;
  const parsed = parseLuaText(code.text, syntax);
  if (!parsed.ok) {
    diagnostics.push(diag("syntax-error", "error", `Syntax error in ${entry2.directive}: ${parsed.message}`, at2(code.toConf(parsed.offset))));
    return void 0;
  }
  const locate2 = ([start2, end]) => {
    const a = at2(code.toConf(start2));
    const b = at2(code.toConf(Math.max(start2, end - 1)));
    return { ...a, endLine: b.endLine, endColumn: b.endColumn };
  };
  return { path: unitPath, facts: interpretChunk(parsed.chunk), locate: locate2, entries: [ep] };
}
function fileSize(abs) {
  try {
    return import_node_fs5.default.statSync(abs).size;
  } catch {
    return void 0;
  }
}
function mainConfigs(parsed) {
  const includedBy = /* @__PURE__ */ new Map();
  for (const p of parsed) {
    for (const f of p.sources.keys()) {
      if (f === p.mainPath) continue;
      const set = includedBy.get(f) ?? /* @__PURE__ */ new Set();
      set.add(p.mainPath);
      includedBy.set(f, set);
    }
  }
  return parsed.filter((p) => {
    const parents = includedBy.get(p.mainPath);
    return !parents || [...parents].every((q) => includedBy.get(q)?.has(p.mainPath));
  });
}
function diag(ruleId, level, message, location) {
  return { ruleId, level, message, location, related: [] };
}

// src/project/redis-servers.ts
var import_node_fs6 = __toESM(require("node:fs"), 1);
var import_node_path8 = __toESM(require("node:path"), 1);

// src/redis/redis-conf.ts
var INT_RANGES = {
  port: [0, 65535],
  timeout: [0, 2147483647],
  maxclients: [1, 4294967295]
};
function parseRedisConf(text, file) {
  void file;
  const out = { includes: [], errors: [] };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd2 = text.indexOf("\n", lineStart);
    if (lineEnd2 < 0) lineEnd2 = text.length;
    const offset = lineStart;
    const line = trim(text.slice(lineStart, lineEnd2));
    lineStart = lineEnd2 + 1;
    if (line === "" || line[0] === "#") continue;
    const argv = splitArgs(line);
    if (argv === void 0) {
      out.errors.push({ offset, message: `Unbalanced quotes in configuration line` });
      continue;
    }
    if (argv.length === 0) continue;
    const name = argv[0].toLowerCase();
    const args = argv.slice(1);
    if (name === "include") {
      if (args.length !== 1) out.errors.push({ offset, message: `wrong number of arguments for "include"` });
      else out.includes.push({ path: args[0], offset });
      continue;
    }
    if (name === "bind") {
      const list2 = args.length === 1 && args[0] !== "" ? splitArgs(args[0]) ?? [args[0]] : args;
      if (list2.length === 0) out.errors.push({ offset, message: `wrong number of arguments for "bind"` });
      else out.bind = list2;
      continue;
    }
    const range = INT_RANGES[name];
    if (!range) continue;
    if (args.length !== 1) {
      out.errors.push({ offset, message: `wrong number of arguments for "${name}"` });
      continue;
    }
    const value = parseInteger(args[0]);
    if (value === void 0) {
      out.errors.push({ offset, message: `"${name}" argument couldn't be parsed into an integer` });
      continue;
    }
    if (value < range[0] || value > range[1]) {
      out.errors.push({ offset, message: `"${name}" argument must be between ${range[0]} and ${range[1]} inclusive` });
      continue;
    }
    if (name === "port") out.port = value;
    else if (name === "timeout") out.timeout = { seconds: value, offset };
    else out.maxclients = { value, offset };
  }
  return out;
}
function trim(s) {
  return s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
}
function parseInteger(s) {
  if (!/^-?(?:0|[1-9][0-9]*)$/.test(s) || s === "-0") return void 0;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : void 0;
}
function isSpace2(c) {
  return c === " " || c === "	" || c === "\n" || c === "\r" || c === "\v" || c === "\f";
}
function isHex(c) {
  return c !== void 0 && /^[0-9a-fA-F]$/.test(c);
}
function splitArgs(line) {
  const argv = [];
  let p = 0;
  const n = line.length;
  for (; ; ) {
    while (p < n && isSpace2(line[p])) p++;
    if (p >= n) return argv;
    let current = "";
    let inq = false;
    let insq = false;
    let done = false;
    while (!done) {
      const c = line[p];
      if (inq) {
        if (c === void 0) return void 0;
        if (c === "\\" && line[p + 1] === "x" && isHex(line[p + 2]) && isHex(line[p + 3])) {
          current += String.fromCharCode(parseInt(line.slice(p + 2, p + 4), 16));
          p += 3;
        } else if (c === "\\" && p + 1 < n) {
          p++;
          const e = line[p];
          current += e === "n" ? "\n" : e === "r" ? "\r" : e === "t" ? "	" : e === "b" ? "\b" : e === "a" ? "\x07" : e;
        } else if (c === '"') {
          if (p + 1 < n && !isSpace2(line[p + 1])) return void 0;
          done = true;
        } else {
          current += c;
        }
      } else if (insq) {
        if (c === void 0) return void 0;
        if (c === "\\" && line[p + 1] === "'") {
          p++;
          current += "'";
        } else if (c === "'") {
          if (p + 1 < n && !isSpace2(line[p + 1])) return void 0;
          done = true;
        } else {
          current += c;
        }
      } else if (c === void 0 || c === " " || c === "\n" || c === "\r" || c === "	") {
        done = true;
      } else if (c === '"') {
        inq = true;
      } else if (c === "'") {
        insq = true;
      } else {
        current += c;
      }
      if (p < n) p++;
    }
    argv.push(current);
  }
}

// src/project/redis-servers.ts
function loadRedisServers(cwd, files, sources, diagnostics) {
  const out = [];
  for (const file of files) {
    let text;
    try {
      text = new SourceText(import_node_fs6.default.readFileSync(import_node_path8.default.resolve(cwd, file)));
    } catch (e) {
      diagnostics.push(diag("not-analyzed", "note", `Could not read this file: ${e.code ?? e.message}`, start(file)));
      continue;
    }
    sources.set(file, text);
    const conf = parseRedisConf(text.latin1, file);
    const at2 = (offset) => {
      const p = text.position(offset);
      return { file, startLine: p.line, startColumn: p.column, endLine: p.line, endColumn: p.column + text.lineText(p.line).trimEnd().length - (p.column - 1) };
    };
    for (const e of conf.errors) diagnostics.push(diag("syntax-error", "error", `redis.conf error: ${e.message}`, at2(e.offset)));
    out.push({
      file,
      port: conf.port,
      timeoutSeconds: conf.timeout?.seconds ?? 0,
      timeoutLocation: conf.timeout ? at2(conf.timeout.offset) : void 0,
      maxclients: conf.maxclients?.value
    });
  }
  return out;
}
function start(file) {
  return { file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
}

// src/suppress/comments.ts
function commentsOf(latin1, syntax) {
  switch (syntax) {
    case "lua":
      return luaComments(latin1, skipHeader(latin1), latin1.length);
    case "nginx":
      return nginxComments(latin1);
    case "redis":
      return redisComments(latin1);
  }
}
var LF3 = 10;
var CR2 = 13;
var DASH = 45;
var LBRACKET = 91;
var EQUALS = 61;
var BACKSLASH3 = 92;
var DQUOTE2 = 34;
var SQUOTE2 = 39;
var HASH2 = 35;
function isEol2(c) {
  return c === LF3 || c === CR2;
}
function lineEnd(s, from, to) {
  let i = from;
  while (i < to && !isEol2(s.charCodeAt(i))) i++;
  return i;
}
function skipHeader(s) {
  return s.charCodeAt(0) === HASH2 ? lineEnd(s, 0, s.length) : 0;
}
function longBracketLevel(s, i) {
  if (s.charCodeAt(i) !== LBRACKET) return -1;
  let j = i + 1;
  while (s.charCodeAt(j) === EQUALS) j++;
  return s.charCodeAt(j) === LBRACKET ? j - i - 1 : -1;
}
function longBracketEnd(s, from, level, to) {
  const close = `]${"=".repeat(level)}]`;
  const at2 = s.indexOf(close, from);
  return at2 < 0 || at2 + close.length > to ? to : at2 + close.length;
}
function luaComments(s, from, to, out = []) {
  let i = from;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (c === DASH && s.charCodeAt(i + 1) === DASH && i + 1 < to) {
      const level = longBracketLevel(s, i + 2);
      const end = level >= 0 ? longBracketEnd(s, i + 4 + level, level, to) : lineEnd(s, i + 2, to);
      out.push({ start: i, end });
      i = end;
    } else if (c === DQUOTE2 || c === SQUOTE2) {
      i = shortStringEnd(s, i, to);
    } else if (c === LBRACKET) {
      const level = longBracketLevel(s, i);
      i = level >= 0 ? longBracketEnd(s, i + 2 + level, level, to) : i + 1;
    } else {
      i++;
    }
  }
  return out;
}
function shortStringEnd(s, i, to) {
  const quote = s.charCodeAt(i);
  let j = i + 1;
  while (j < to) {
    const c = s.charCodeAt(j);
    if (c === quote) return j + 1;
    if (isEol2(c)) return j;
    if (c === BACKSLASH3) {
      j += s.charCodeAt(j + 1) === CR2 && s.charCodeAt(j + 2) === LF3 ? 3 : 2;
    } else j++;
  }
  return to;
}
function nginxComments(s) {
  const covered = [];
  const out = [];
  for (const e of tokenizeConf(s).events) {
    if (e.type === "block-end") continue;
    for (const t of e.args) covered.push([t.start, t.end]);
    if (e.type === "lua-block") {
      const end = e.close === void 0 ? s.length : e.close + 1;
      covered.push([e.open, end]);
      luaComments(s, e.bodyOffset, e.body === void 0 ? s.length : e.bodyOffset + e.body.length, out);
    }
  }
  covered.sort((a, b) => a[0] - b[0]);
  let i = 0;
  let k = 0;
  while (i < s.length) {
    while (k < covered.length && covered[k][1] <= i) k++;
    if (k < covered.length && covered[k][0] <= i) {
      i = covered[k][1];
      continue;
    }
    const next = k < covered.length ? covered[k][0] : s.length;
    const hash = s.indexOf("#", i);
    if (hash < 0) break;
    if (hash >= next) {
      i = next;
      continue;
    }
    const end = lineEnd(s, hash, s.length);
    out.push({ start: hash, end });
    i = end;
  }
  return out.sort((a, b) => a.start - b.start);
}
function redisComments(s) {
  const out = [];
  for (const m of s.matchAll(/^[ \t]*(#[^\r\n]*)/gm)) out.push({ start: m.index + m[0].length - m[1].length, end: m.index + m[0].length });
  return out;
}

// src/suppress/suppressions.ts
var DIRECTIVE = /(?:--|#)\s*resty-lint:\s*(ignore-file|ignore)\s+([A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)\s*(?:--\s*(.*))?$/;
function readSuppressions(file, text, syntax) {
  const out = { file: [], byLine: /* @__PURE__ */ new Map() };
  const s = text.latin1;
  if (!s.includes("resty-lint:")) return out;
  for (const comment of commentsOf(s, syntax)) {
    const line = text.lineOf(comment.start);
    const body = s.slice(comment.start, eolAfter(s, comment.start, comment.end));
    if (!body.includes("resty-lint:")) continue;
    const m = DIRECTIVE.exec(body);
    if (!m) continue;
    const at2 = text.position(comment.start + m.index);
    const end = text.position(comment.start + body.length);
    const found = {
      ruleIds: m[2].split(",").map((x) => x.trim()),
      justification: bytesToUtf8(m[3] ?? "").trim(),
      location: { file, startLine: line, startColumn: at2.column, endLine: line, endColumn: end.column }
    };
    if (m[1] === "ignore-file") {
      out.file.push(found);
      continue;
    }
    const alone = /^[ \t\f\v]*$/.test(s.slice(lineStartBefore(s, comment.start), comment.start));
    const covers = alone ? line + 1 : line;
    out.byLine.set(covers, [...out.byLine.get(covers) ?? [], found]);
  }
  return out;
}
function eolAfter(s, from, to) {
  const m = /[\r\n]/.exec(s.slice(from, to));
  return m ? from + m.index : to;
}
function lineStartBefore(s, offset) {
  return Math.max(s.lastIndexOf("\n", offset - 1), s.lastIndexOf("\r", offset - 1)) + 1;
}
function suppressionFor(s, ruleId, line) {
  return [...s.byLine.get(line) ?? [], ...s.file].find((candidate) => candidate.ruleIds.includes(ruleId));
}
function unknownRuleIds(s, known) {
  const all = [...s.file, ...[...s.byLine.values()].flat()];
  return all.flatMap((suppression) => suppression.ruleIds.filter((id) => !known.has(id)).map((id) => ({ id, suppression })));
}

// src/project/analyze.ts
var DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;
function analyze(input) {
  const rules = input.rules;
  const drafts = [];
  const sources = /* @__PURE__ */ new Map();
  const units = [];
  const limits = { maxBytes: input.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES };
  const syntax = { lua52Compat: input.lua52Compat ?? DEFAULT_LUA_SYNTAX.lua52Compat };
  for (const link of input.skippedLinks ?? []) {
    const why = link.reason === "outside" ? "it leads outside the project, which resty-lint never reads" : "its target does not exist";
    drafts.push(diag("not-analyzed", "note", `Not analyzed: this symbolic link was not followed (${why}).`, fileStart(link.file)));
  }
  input.files.forEach((file, i) => {
    const unit = luaFileUnit(input.cwd, file, input.rawPaths?.get(file), sources, drafts, input.cache, limits.maxBytes, syntax);
    if (unit) units.push(unit);
    input.onProgress?.(i + 1, input.files.length);
  });
  const nginx = loadNginxUnits(input.cwd, input.nginxConfs ?? [], input.files, syntax, limits.maxBytes);
  for (const [file, text] of nginx.sources) sources.set(file, text);
  drafts.push(...nginx.diagnostics);
  const redisConfs = (input.redisConfs ?? []).filter((file) => withinLimit(import_node_path9.default.resolve(input.cwd, file), file, drafts, limits.maxBytes));
  const redisServers = loadRedisServers(input.cwd, redisConfs, sources, drafts);
  const model = buildProjectModel({
    units: [...units.map((u) => ({ ...u, entries: nginx.fileEntries.get(u.path) })), ...nginx.units],
    luaRoots: input.luaRoots,
    rootName: import_node_path9.default.basename(import_node_path9.default.resolve(input.cwd)),
    wrappers: input.wrappers,
    nginx: {
      codeCache: nginx.facts.codeCache,
      defaultKeepaliveTimeoutMs: nginx.facts.defaultKeepaliveTimeoutMs,
      keepaliveTimeoutMs: nginx.keepaliveTimeoutMs,
      workerProcesses: nginx.facts.workerProcesses
    },
    redisServers
  });
  for (const rule17 of rules) {
    if (!rule17.check || input.ruleLevels?.[rule17.meta.id] === "off") continue;
    rule17.check(model, (r) => {
      drafts.push({
        ruleId: rule17.meta.id,
        level: r.level ?? rule17.meta.defaultLevel,
        message: r.message,
        location: r.location,
        related: (r.related ?? []).map((rel, i) => ({ ...rel, id: i + 1 })),
        ...r.fix ? { fix: r.fix } : {}
      });
    });
  }
  const commentSyntax = new Map([...nginx.sources.keys()].map((f) => [f, "nginx"]));
  for (const f of input.redisConfs ?? []) commentSyntax.set(f, "redis");
  const suppressions = suppressionsOf(sources, (file) => commentSyntax.get(file) ?? "lua");
  drafts.push(...invalidSuppressions(suppressions, new Set(rules.map((r) => r.meta.id))));
  const internalErrors = drafts.filter((d) => d.ruleId === "internal-error").length;
  const unique = dedupe2(dropSubsumed(applyLevels(drafts, input.ruleLevels ?? {}), rules));
  const all = applySuppressions(assignFingerprints(unique, (file, line) => sources.get(file)?.lineText(line) ?? ""), suppressions).sort(compareFindings);
  const findings = all.filter((f) => !f.suppressions);
  const suppressed = all.filter((f) => f.suppressions);
  const unparsed = new Set(drafts.filter((d) => d.ruleId === "syntax-error" || d.ruleId === "internal-error").map((d) => d.location.file));
  return { findings, suppressed, internalErrors, filesAnalyzed: [...sources.keys()].filter((f) => !unparsed.has(f)).length, model, sources };
}
function luaFileUnit(cwd, file, raw, sources, drafts, cache2, maxBytes, syntax) {
  const bytes = readBytes(raw ?? import_node_path9.default.resolve(cwd, file), file, drafts, maxBytes);
  if (!bytes) return void 0;
  const text = new SourceText(bytes);
  sources.set(file, text);
  const key = cache2?.key(bytes, `lua52Compat=${syntax.lua52Compat}`);
  const cached = key ? cache2.get(key) : void 0;
  const result = cached ?? factsOf(text, file, drafts, syntax);
  if (!result) return void 0;
  if (key && !cached) cache2.set(key, result);
  if ("syntaxError" in result) {
    drafts.push(diag("syntax-error", "error", `Syntax error: ${result.syntaxError.message}`, spanAt(text, file, result.syntaxError.offset)));
    return void 0;
  }
  return { path: file, facts: result.facts, locate: (s) => locate(text, file, s) };
}
function factsOf(text, file, drafts, syntax) {
  const parsed = parseLua(text, syntax);
  if (!parsed.ok) return { syntaxError: { offset: parsed.offset, message: parsed.message } };
  try {
    return { facts: interpretChunk(parsed.chunk) };
  } catch (e) {
    drafts.push(diag("internal-error", "error", `Internal error while analyzing this file, it was skipped: ${e.message}`, spanAt(text, file, 0)));
    return void 0;
  }
}
function withinLimit(abs, file, drafts, maxBytes) {
  let size;
  try {
    size = import_node_fs7.default.statSync(abs).size;
  } catch {
    return true;
  }
  if (size <= maxBytes) return true;
  drafts.push(diag("not-analyzed", "note", `Not analyzed: ${size} bytes is over the ${maxBytes}-byte limit (maxFileBytes in the config file).`, fileStart(file)));
  return false;
}
function readBytes(abs, file, drafts, maxBytes) {
  let bytes;
  try {
    const size = import_node_fs7.default.statSync(abs).size;
    if (size > maxBytes) {
      drafts.push(diag("not-analyzed", "note", `Not analyzed: ${size} bytes is over the ${maxBytes}-byte limit (maxFileBytes in the config file).`, fileStart(file)));
      return void 0;
    }
    bytes = import_node_fs7.default.readFileSync(abs);
  } catch (e) {
    drafts.push(diag("not-analyzed", "note", `Could not read this file: ${e.code ?? e.message}`, fileStart(file)));
    return void 0;
  }
  const bytecode = bytecodeKind(bytes);
  if (bytecode) {
    const refused = bytecode === "PUC Lua" ? " LuaJIT refuses to load it (cannot load incompatible bytecode)." : "";
    drafts.push(diag("not-analyzed", "note", `Not analyzed: this is ${bytecode} bytecode, not Lua source.${refused}`, fileStart(file)));
    return void 0;
  }
  return bytes;
}
function applyLevels(drafts, levels) {
  return drafts.flatMap((d) => {
    const setting = levels[d.ruleId];
    if (setting === void 0) return [d];
    return setting === "off" ? [] : [{ ...d, level: setting }];
  });
}
function dropSubsumed(drafts, rules) {
  const at2 = (d) => `${d.location.file}
${d.location.startLine}
${d.location.startColumn}`;
  const covered = /* @__PURE__ */ new Set();
  for (const rule17 of rules) {
    for (const id of rule17.meta.subsumes ?? []) for (const d of drafts) if (d.ruleId === rule17.meta.id) covered.add(`${id}
${at2(d)}`);
  }
  return covered.size === 0 ? drafts : drafts.filter((d) => !covered.has(`${d.ruleId}
${at2(d)}`));
}
function suppressionsOf(sources, syntaxOf) {
  const out = /* @__PURE__ */ new Map();
  for (const [file, text] of sources) out.set(file, readSuppressions(file, text, syntaxOf(file)));
  return out;
}
function applySuppressions(findings, byFile) {
  return findings.map((f) => {
    const s = byFile.get(f.location.file);
    const hit = s && suppressionFor(s, f.ruleId, f.location.startLine);
    return hit ? { ...f, suppressions: [{ kind: "inSource", justification: hit.justification || void 0 }] } : f;
  });
}
function invalidSuppressions(byFile, known) {
  const out = [];
  for (const s of byFile.values()) {
    for (const { id, suppression } of unknownRuleIds(s, known)) {
      out.push(diag("invalid-suppression", "warning", `Unknown rule id "${id}" in a resty-lint suppression: it silences nothing.`, suppression.location));
    }
  }
  return out;
}
function fileStart(file) {
  return { file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
}
function spanAt(text, file, offset) {
  const p = text.position(offset);
  return { file, startLine: p.line, startColumn: p.column, endLine: p.line, endColumn: p.column + 1 };
}
function locate(text, file, [start2, end]) {
  const a = text.position(start2);
  const b = text.position(end);
  return { file, startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
}
function dedupe2(drafts) {
  const seen = /* @__PURE__ */ new Set();
  return drafts.filter((d) => {
    const k = JSON.stringify([d.ruleId, d.location, d.message]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// src/project/baseline.ts
var import_node_fs8 = __toESM(require("node:fs"), 1);
var BaselineError = class extends Error {
};
function toBaseline(findings) {
  const entries = findings.map((f) => ({ ruleId: f.ruleId, file: f.location.file, fingerprint: f.fingerprint }));
  entries.sort((a, b) => a.file + a.ruleId + a.fingerprint < b.file + b.ruleId + b.fingerprint ? -1 : 1);
  return { version: 1, findings: entries };
}
function formatBaseline(findings) {
  return `${JSON.stringify(toBaseline(findings), null, 2)}
`;
}
function readBaseline(file) {
  let data;
  try {
    data = JSON.parse(import_node_fs8.default.readFileSync(file, "utf8"));
  } catch (e) {
    throw new BaselineError(`cannot read baseline ${file}: ${e.message}`);
  }
  const b = data;
  if (!b || b.version !== 1 || !Array.isArray(b.findings) || !b.findings.every((x) => typeof x?.fingerprint === "string" && typeof x.ruleId === "string" && typeof x.file === "string")) {
    throw new BaselineError(`${file} is not a resty-lint baseline (expected {"version": 1, "findings": [{ruleId, file, fingerprint}]})`);
  }
  return b;
}
function applyBaseline(findings, baseline) {
  const keys = new Set(baseline.findings.map((x) => `${x.ruleId}\0${x.file}\0${x.fingerprint}`));
  const fresh = [];
  const known = [];
  for (const f of findings) {
    if (keys.has(`${f.ruleId}\0${f.location.file}\0${f.fingerprint}`)) known.push({ ...f, suppressions: [{ kind: "external", justification: "in the baseline" }] });
    else fresh.push(f);
  }
  return { fresh, known };
}

// src/config/load-config.ts
var import_node_fs9 = __toESM(require("node:fs"), 1);
var import_node_path11 = __toESM(require("node:path"), 1);
var import_yaml = __toESM(require_dist(), 1);

// src/config/config.ts
var RULE_LEVEL_SETTINGS = ["off", "note", "warning", "error"];
var WRAPPER_KINDS = ["acquire", "release-long", "release-short"];
var CONFIG_FILE_NAMES = [".resty-lint.json", ".resty-lint.yaml", ".resty-lint.yml"];
var CONFIG_KEYS = ["$schema", "rules", "ignore", "nginxConf", "luaRoots", "wrappers", "cacheDir", "maxFileBytes", "lua52Compat"];
var WRAPPER_KEYS = ["module", "function", "kind", "client", "pool", "argument"];
var DEFAULT_MAX_FILE_BYTES2 = 4 * 1024 * 1024;
var DEFAULT_LUA52_COMPAT = true;
var DEFAULT_WRAPPER_CLIENT = "resty.redis";
var DEFAULT_WRAPPER_ARGUMENT = 1;
function defaultConfig() {
  return { rules: {}, ignore: [], nginxConf: [], luaRoots: [], wrappers: [], maxFileBytes: DEFAULT_MAX_FILE_BYTES2, lua52Compat: DEFAULT_LUA52_COMPAT };
}
var ConfigError = class extends Error {
  constructor(key, message) {
    super(message);
    this.key = key;
    this.name = "ConfigError";
  }
  key;
};

// src/config/strict-json.ts
var JsonSyntaxError = class extends Error {
  constructor(message, offset) {
    super(message);
    this.offset = offset;
  }
  offset;
};
var JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
var MAX_JSON_DEPTH = 200;
function parseJson(text) {
  let pos = 0;
  const fail = (message, at2 = pos) => {
    throw new JsonSyntaxError(message, at2);
  };
  const found = () => pos >= text.length ? "end of file" : JSON.stringify(text[pos]);
  const skipWs = () => {
    while (pos < text.length) {
      const c = text[pos];
      if (c === " " || c === "	" || c === "\n" || c === "\r") pos++;
      else break;
    }
  };
  const expectChar = (c, what) => {
    skipWs();
    if (text[pos] !== c) fail(`expected ${what}, got ${found()}`);
    pos++;
  };
  const parseString = () => {
    const start2 = pos;
    pos++;
    for (; ; ) {
      if (pos >= text.length) fail("unterminated string", start2);
      const code = text.charCodeAt(pos);
      if (code === 34) break;
      if (code < 32) fail("control character in string (escape it)");
      if (code === 92) {
        const e = text[pos + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) fail("invalid \\u escape in string");
          pos += 6;
        } else if (e !== void 0 && '"\\/bfnrt'.includes(e)) pos += 2;
        else fail("invalid escape in string");
      } else pos++;
    }
    pos++;
    return JSON.parse(text.slice(start2, pos));
  };
  const parseValue = (depth) => {
    if (depth > MAX_JSON_DEPTH) fail("nested too deeply");
    skipWs();
    const c = text[pos];
    if (c === "{") {
      pos++;
      const obj = {};
      skipWs();
      if (text[pos] === "}") {
        pos++;
        return obj;
      }
      for (; ; ) {
        skipWs();
        if (text[pos] !== '"') fail(`expected a double-quoted property name, got ${found()}`);
        const keyAt = pos;
        const key = parseString();
        if (Object.hasOwn(obj, key)) fail(`duplicate key ${JSON.stringify(key)}`, keyAt);
        expectChar(":", "':' after the property name");
        Object.defineProperty(obj, key, { value: parseValue(depth + 1), enumerable: true, writable: true, configurable: true });
        skipWs();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        if (text[pos] === "}") {
          pos++;
          return obj;
        }
        fail(`expected ',' or '}' after a property value, got ${found()}`);
      }
    }
    if (c === "[") {
      pos++;
      const arr = [];
      skipWs();
      if (text[pos] === "]") {
        pos++;
        return arr;
      }
      for (; ; ) {
        arr.push(parseValue(depth + 1));
        skipWs();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        if (text[pos] === "]") {
          pos++;
          return arr;
        }
        fail(`expected ',' or ']' after an array element, got ${found()}`);
      }
    }
    if (c === '"') return parseString();
    for (const [word, value2] of [
      ["true", true],
      ["false", false],
      ["null", null]
    ]) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value2;
      }
    }
    JSON_NUMBER.lastIndex = pos;
    const m = JSON_NUMBER.exec(text);
    if (m && m[0] !== "-") {
      pos += m[0].length;
      return Number(m[0]);
    }
    return fail(`expected a value, got ${found()}`);
  };
  const value = parseValue(0);
  skipWs();
  if (pos < text.length) fail(`unexpected ${found()} after the end of the JSON value`);
  return value;
}

// src/config/validate-config.ts
var import_node_path10 = __toESM(require("node:path"), 1);
var LUA_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
var LUA_MODULE = /^[^\s./][^\s]*$/;
function validateConfig(raw, ctx) {
  const fail = (key, detail) => {
    throw new ConfigError(key, `${ctx.file}: ${key}: ${detail}`);
  };
  if (!isPlainObject(raw)) throw new ConfigError("", `${ctx.file}: expected an object at the top level, got ${describe(raw)}`);
  const config = defaultConfig();
  config.file = ctx.file;
  for (const key of Object.keys(raw)) {
    if (!CONFIG_KEYS.includes(key)) fail(keyPath("", key), unknownKey(key, CONFIG_KEYS));
  }
  if (raw.$schema !== void 0 && typeof raw.$schema !== "string") fail("$schema", `expected a string, got ${describe(raw.$schema)}`);
  if (raw.rules !== void 0) {
    if (!isPlainObject(raw.rules)) fail("rules", `expected an object mapping rule ids to levels, got ${describe(raw.rules)}`);
    const rules = raw.rules;
    for (const id of Object.keys(rules)) {
      const key = keyPath("rules", id);
      if (!ctx.knownRuleIds.includes(id)) fail(key, `unknown rule id (known: ${ctx.knownRuleIds.join(", ")})`);
      const level = rules[id];
      if (typeof level !== "string" || !RULE_LEVEL_SETTINGS.includes(level)) {
        fail(key, `expected one of ${RULE_LEVEL_SETTINGS.join(", ")}, got ${describe(level)}`);
      }
      config.rules[id] = level;
    }
  }
  const stringList = (key) => {
    const v = raw[key];
    if (v === void 0) return [];
    if (!Array.isArray(v)) return fail(key, `expected an array of strings, got ${describe(v)}`);
    return v.map((item, i) => {
      if (typeof item !== "string" || item.length === 0) fail(`${key}[${i}]`, `expected a non-empty string, got ${describe(item)}`);
      return item;
    });
  };
  config.ignore = stringList("ignore").map((pattern, i) => {
    const negated = pattern.startsWith("!");
    if (negated && pattern.length === 1) fail(`ignore[${i}]`, 'expected a pattern after "!"');
    return (negated ? "!" : "") + relativeGlob(negated ? pattern.slice(1) : pattern, ctx);
  });
  config.nginxConf = stringList("nginxConf").map((p) => relativePath(p, ctx));
  config.luaRoots = stringList("luaRoots").map((p) => relativePath(p, ctx));
  if (raw.cacheDir !== void 0) {
    if (typeof raw.cacheDir !== "string" || raw.cacheDir.length === 0) fail("cacheDir", `expected a non-empty string, got ${describe(raw.cacheDir)}`);
    config.cacheDir = relativePath(raw.cacheDir, ctx);
  }
  if (raw.maxFileBytes !== void 0) {
    const v = raw.maxFileBytes;
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v <= 0) fail("maxFileBytes", `expected a positive integer, got ${describe(v)}`);
    config.maxFileBytes = v;
  }
  if (raw.lua52Compat !== void 0) {
    if (typeof raw.lua52Compat !== "boolean") fail("lua52Compat", `expected true or false, got ${describe(raw.lua52Compat)}`);
    config.lua52Compat = raw.lua52Compat;
  }
  if (raw.wrappers !== void 0) {
    if (!Array.isArray(raw.wrappers)) fail("wrappers", `expected an array of wrapper objects, got ${describe(raw.wrappers)}`);
    const seen = /* @__PURE__ */ new Map();
    raw.wrappers.forEach((w, i) => {
      const spec = validateWrapper(w, `wrappers[${i}]`, ctx, fail);
      const id = `${spec.module}\0${spec.function}`;
      const first = seen.get(id);
      if (first !== void 0) fail(`wrappers[${i}]`, `${spec.module}.${spec.function} is already declared by wrappers[${first}]`);
      seen.set(id, i);
      config.wrappers.push(spec);
    });
  }
  return config;
}
function validateWrapper(w, at2, ctx, fail) {
  if (!isPlainObject(w)) return fail(at2, `expected an object with module, function and kind, got ${describe(w)}`);
  for (const key of Object.keys(w)) {
    if (!WRAPPER_KEYS.includes(key)) fail(keyPath(at2, key), unknownKey(key, WRAPPER_KEYS));
  }
  for (const key of ["module", "function", "kind"]) {
    if (w[key] === void 0) fail(`${at2}.${key}`, "required key is missing");
  }
  if (typeof w.module !== "string" || !LUA_MODULE.test(w.module)) {
    fail(`${at2}.module`, `expected a Lua module name as required (e.g. "app.store"), got ${describe(w.module)}`);
  }
  if (typeof w.function !== "string" || !LUA_IDENTIFIER.test(w.function)) {
    fail(`${at2}.function`, `expected a function name in the module's table (e.g. "acquire", also for Mod:acquire methods), got ${describe(w.function)}`);
  }
  if (typeof w.kind !== "string" || !WRAPPER_KINDS.includes(w.kind)) {
    fail(`${at2}.kind`, `expected one of ${WRAPPER_KINDS.join(", ")}, got ${describe(w.kind)}`);
  }
  const kind = w.kind;
  const spec = { module: w.module, function: w.function, kind };
  if (kind === "acquire") {
    if (w.argument !== void 0) fail(`${at2}.argument`, `only allowed when kind is "release-long" or "release-short" (kind is "acquire")`);
    if (w.client !== void 0 && (typeof w.client !== "string" || !ctx.knownClients.includes(w.client))) {
      fail(`${at2}.client`, `expected one of ${ctx.knownClients.join(", ")}, got ${describe(w.client)}`);
    }
    spec.client = w.client ?? DEFAULT_WRAPPER_CLIENT;
    if (w.pool !== void 0) {
      if (typeof w.pool !== "string" || w.pool.length === 0) fail(`${at2}.pool`, `expected a non-empty string (the pool key), got ${describe(w.pool)}`);
      spec.pool = w.pool;
    }
  } else {
    for (const key of ["client", "pool"]) {
      if (w[key] !== void 0) fail(`${at2}.${key}`, `only allowed when kind is "acquire" (kind is "${kind}")`);
    }
    const arg = w.argument;
    if (arg !== void 0 && (typeof arg !== "number" || !Number.isSafeInteger(arg) || arg <= 0)) {
      fail(`${at2}.argument`, `expected a positive integer (1-based argument index), got ${describe(arg)}`);
    }
    spec.argument = arg ?? DEFAULT_WRAPPER_ARGUMENT;
  }
  return spec;
}
function isPlainObject(v) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
function describe(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  switch (typeof v) {
    case "string":
      return JSON.stringify(v);
    case "number":
    case "boolean":
      return String(v);
    case "object":
      return isPlainObject(v) ? "an object" : `a ${v.constructor?.name ?? "value"}`;
    default:
      return typeof v;
  }
}
function keyPath(parent, key) {
  if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
}
function unknownKey(key, known) {
  const norm = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const guess = known.find((k) => norm(k) === norm(key));
  return `unknown key${guess ? `, did you mean "${guess}"?` : ""} (known: ${known.join(", ")})`;
}
function toPosix(p) {
  return import_node_path10.default.sep === "/" ? p : p.split(import_node_path10.default.sep).join("/");
}
function relativePath(p, ctx) {
  return toPosix(import_node_path10.default.relative(ctx.cwd, import_node_path10.default.resolve(ctx.configDir, p))) || ".";
}
function relativeGlob(pattern, ctx) {
  if (import_node_path10.default.posix.isAbsolute(pattern)) return toPosix(import_node_path10.default.relative(ctx.cwd, pattern)) || ".";
  const prefix = toPosix(import_node_path10.default.relative(ctx.cwd, ctx.configDir));
  return import_node_path10.default.posix.normalize(prefix ? `${prefix}/${pattern}` : pattern);
}

// src/config/load-config.ts
function loadConfig(opts) {
  const cwd = import_node_path11.default.resolve(opts.cwd);
  const display = (abs) => toPosix(import_node_path11.default.relative(cwd, abs)) || ".";
  let file;
  if (opts.explicitPath !== void 0) {
    file = import_node_path11.default.resolve(cwd, opts.explicitPath);
    const st = statOrUndefined(file);
    if (!st) throw new ConfigError("", `${display(file)}: config file not found`);
    if (st.isDirectory()) throw new ConfigError("", `${display(file)}: is a directory, expected a config file`);
  } else {
    file = findConfigFile(cwd, display);
  }
  if (!file) return defaultConfig();
  const shown = display(file);
  const raw = parseConfigFile(file, shown);
  return validateConfig(raw, {
    file: shown,
    cwd,
    configDir: import_node_path11.default.dirname(file),
    knownRuleIds: opts.knownRuleIds,
    knownClients: opts.knownClients
  });
}
function findConfigFile(cwd, display) {
  let dir = cwd;
  for (; ; ) {
    const present2 = CONFIG_FILE_NAMES.map((n) => import_node_path11.default.join(dir, n)).filter((p) => statOrUndefined(p) !== void 0);
    if (present2.length > 1) {
      const others = present2.slice(1).map(display);
      throw new ConfigError("", `${display(present2[0])}: conflicts with ${others.join(" and ")} in the same directory; keep only one config file`);
    }
    if (present2.length === 1) return present2[0];
    if (statOrUndefined(import_node_path11.default.join(dir, ".git"))) return void 0;
    const parent = import_node_path11.default.dirname(dir);
    if (parent === dir) return void 0;
    dir = parent;
  }
}
function statOrUndefined(p) {
  try {
    return import_node_fs9.default.statSync(p, { throwIfNoEntry: false });
  } catch {
    return void 0;
  }
}
function formatOf(file, shown) {
  const ext = import_node_path11.default.extname(file).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".yaml" || ext === ".yml") return "yaml";
  throw new ConfigError("", `${shown}: unsupported config file type "${ext || import_node_path11.default.basename(file)}" (expected .json, .yaml or .yml)`);
}
var MAX_CONFIG_BYTES = 1024 * 1024;
function parseConfigFile(file, shown) {
  const format = formatOf(file, shown);
  let text;
  try {
    const size = import_node_fs9.default.statSync(file).size;
    if (size > MAX_CONFIG_BYTES) {
      throw new ConfigError("", `${shown}: config file is ${size} bytes, over the ${MAX_CONFIG_BYTES}-byte limit for a config file (it was not read)`);
    }
    text = import_node_fs9.default.readFileSync(file, "utf8");
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    const err = e;
    throw new ConfigError("", `${shown}: cannot read config file (${err.code ?? err.message})`);
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  const syntaxError = (offset, message) => {
    const { line, column } = lineColumn(text, offset);
    return new ConfigError("", `${shown}:${line}:${column}: invalid ${format === "json" ? "JSON" : "YAML"}: ${message}`);
  };
  if (format === "json") {
    try {
      return parseJson(text);
    } catch (e) {
      if (e instanceof JsonSyntaxError) throw syntaxError(e.offset, e.message);
      throw e;
    }
  }
  const doc = (0, import_yaml.parseDocument)(text, { prettyErrors: false, uniqueKeys: true, stringKeys: true, merge: false });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const message = problem.code === "MULTIPLE_DOCS" ? "a config file holds one YAML document, found more than one" : problem.message;
    throw syntaxError(problem.pos[0], message);
  }
  let unresolved;
  (0, import_yaml.visit)(doc, {
    Alias(_, node) {
      if (!unresolved && (0, import_yaml.isAlias)(node) && node.resolve(doc) === void 0) unresolved = { source: node.source, offset: node.range?.[0] ?? 0 };
    }
  });
  if (unresolved) throw syntaxError(unresolved.offset, `alias *${unresolved.source} refers to no anchor defined before it`);
  if (doc.contents === null) return {};
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new ConfigError("", `${shown}: invalid YAML: ${e.message}`);
  }
}
function lineColumn(text, offset) {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

// src/core/version.ts
var VERSION = "0.1.0";
var BUILD_ID = true ? "4e49815c59c3b8e7" : void 0;
var INFORMATION_URI = "https://github.com/resty-lint/resty-lint";
var RULE_DOCS_URI = "https://github.com/resty-lint/resty-lint/blob/main/docs/rules";

// src/project/discover-project.ts
var import_node_path14 = __toESM(require("node:path"), 1);

// src/nginx/discover-conf.ts
var import_node_fs10 = __toESM(require("node:fs"), 1);
var import_node_path12 = __toESM(require("node:path"), 1);
var SNIFF_BYTES = 64 * 1024;
var TEMPLATE_MARKERS = [".liquid", ".erb", ".tmpl", ".j2", ".jinja", ".mustache"];
var NGINX_SNIFF = [
  /(?:^|[;{}\s])http\s*\{/m,
  /(?:^|[;{}\s])server\s*\{/m,
  /^[ \t]*location\s+[^;{#]{0,200}\{/m,
  /^[ \t]*upstream\s+[^\s;{]+\s*\{/m,
  /^[ \t]*[a-z_]+_by_lua(?:_block|_file)?\b/m,
  /^[ \t]*worker_processes\s+[^\s;]+\s*;/m
];
var REDIS_SNIFF = /^[ \t]*(?:port|timeout|maxclients|bind)[ \t]/m;
var NOT_NGINX_SNIFF = [
  /^[ \t]*(?:fi|esac)[ \t]*$/m,
  /;[ \t]*then[ \t]*$/m,
  /^[ \t]*export[ \t]+[A-Za-z_][A-Za-z0-9_]*=/m,
  /<<-?[ \t]*(?:'[A-Za-z_]\w*'|"[A-Za-z_]\w*"|[A-Za-z_]\w*)[ \t]*$/m,
  /^\[[^\]\s;{}]+\][ \t]*$/m
];
function isTemplateOrDoc(name) {
  const lower = name.toLowerCase();
  if (TEMPLATE_MARKERS.some((m) => lower.includes(m))) return true;
  return /\.(?:md|markdown)(?:\.|$)/.test(lower);
}
function sniffNginx(head) {
  const code = head.replace(/^[ \t]*#.*$/gm, "");
  return NGINX_SNIFF.some((re) => re.test(code));
}
function sniffNotNginx(head) {
  if (head.startsWith("#!")) return true;
  const code = head.replace(/^[ \t]*[#;].*$/gm, "");
  return NOT_NGINX_SNIFF.some((re) => re.test(code));
}
function sniffRedis(head) {
  return REDIS_SNIFF.test(head) && !sniffNginx(head);
}
function classifyConfFile(absPath) {
  const name = import_node_path12.default.basename(absPath).toLowerCase();
  if (!name.endsWith(".conf")) return void 0;
  if (isTemplateOrDoc(name)) return "notConfig";
  if (name === "nginx.conf") return "nginx";
  if (name.startsWith("redis")) return "redis";
  const head = readHead(absPath);
  if (head === void 0) return "notConfig";
  if (sniffNginx(head) && !sniffNotNginx(head)) return "nginx";
  if (sniffRedis(head)) return "redis";
  return "notConfig";
}
function readHead(absPath) {
  let fd;
  try {
    fd = import_node_fs10.default.openSync(absPath, "r");
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = import_node_fs10.default.readSync(fd, buf, 0, SNIFF_BYTES, 0);
    return buf.toString("latin1", 0, n);
  } catch {
    return void 0;
  } finally {
    if (fd !== void 0) import_node_fs10.default.closeSync(fd);
  }
}
function findConfigFiles(cwd, roots, extra) {
  const nginx = /* @__PURE__ */ new Set();
  const redis = /* @__PURE__ */ new Set();
  const notConfig = /* @__PURE__ */ new Set();
  const put = (abs) => {
    const kind = classifyConfFile(abs);
    if (kind === void 0) return;
    const rel = toRelative2(cwd, abs);
    (kind === "nginx" ? nginx : kind === "redis" ? redis : notConfig).add(rel);
  };
  for (const root of roots.length > 0 ? roots : ["."]) {
    const abs = import_node_path12.default.resolve(cwd, root);
    let stat;
    try {
      stat = import_node_fs10.default.statSync(abs);
    } catch {
      continue;
    }
    if (stat.isFile()) {
      put(abs);
      continue;
    }
    if (!stat.isDirectory()) continue;
    for (const f of filesUnder(cwd, abs, "**/*.conf", false)) put(f);
  }
  for (const e of extra) {
    const rel = toRelative2(cwd, import_node_path12.default.resolve(cwd, e));
    nginx.add(rel);
    redis.delete(rel);
    notConfig.delete(rel);
  }
  return { nginx: [...nginx].sort(), redis: [...redis].sort(), notConfig: [...notConfig].sort() };
}
function toRelative2(cwd, abs) {
  const rel = import_node_path12.default.relative(cwd, abs).split(import_node_path12.default.sep).join("/");
  return rel === "" ? "." : rel;
}

// src/project/conf-loads.ts
var import_node_path13 = __toESM(require("node:path"), 1);
function luaLoadedByConf(root, conf, treeLua) {
  const tree = { roots: [root], files: () => treeLua.map((f) => import_node_path13.default.resolve(root, f)) };
  let model;
  try {
    model = buildNginxModel(parseNginxConf(nodeConfFiles, import_node_path13.default.resolve(root, conf), { tree }));
  } catch (e) {
    if (e instanceof RangeError) return [];
    throw e;
  }
  const out = /* @__PURE__ */ new Set();
  for (const e of model.entries) {
    const target = e.form === "file" && e.filePath ? mapLuaFile(e.filePath, treeLua) : void 0;
    if (target) out.add(target);
  }
  for (const p of model.packagePaths) {
    for (const dir of luaPackageRoots(p.pattern)) for (const f of underDirectory(dir, treeLua)) out.add(f);
  }
  return [...out].sort();
}
function underDirectory(dir, files) {
  const want = dir.split("/").filter((s) => s !== "" && s !== "." && s !== ".." && s !== "$prefix");
  if (want.length === 0) return [];
  return files.filter((f) => {
    const segs = f.split("/").slice(0, -1);
    for (let end = segs.length; end > 0; end--) {
      const have = segs.slice(0, end);
      const n = Math.min(want.length, have.length);
      let common = 0;
      while (common < n && want[want.length - 1 - common] === have[have.length - 1 - common]) common++;
      if (common === n) return true;
    }
    return false;
  });
}

// src/project/discover-project.ts
function discoverProject(cwd, paths, extraNginx = []) {
  const lua = discover(cwd, paths);
  const conf = findConfigFiles(cwd, [...paths], [...extraNginx]);
  const files = new Set(lua.files.filter((f) => f.endsWith(".lua") || !f.endsWith(".conf")));
  const confArgs = paths.filter((p) => conf.nginx.includes(p) && lua.files.includes(p));
  for (const c of confArgs) {
    const tree = discover(cwd, [serverPrefix(c)]);
    for (const f of luaLoadedByConf(cwd, c, tree.files.filter((f2) => f2.endsWith(".lua")))) {
      files.add(f);
      const raw = tree.rawPaths.get(f);
      if (raw) lua.rawPaths.set(f, raw);
    }
  }
  return { lua: [...files].sort(), nginx: conf.nginx, redis: conf.redis, missing: lua.missing, skipped: lua.skipped, rawPaths: lua.rawPaths };
}
function serverPrefix(conf) {
  const dir = import_node_path14.default.posix.dirname(conf);
  if (import_node_path14.default.posix.basename(dir) !== "conf") return dir;
  return dir === "conf" ? "." : import_node_path14.default.posix.dirname(dir);
}

// src/project/project-root.ts
var import_node_fs11 = __toESM(require("node:fs"), 1);
var import_node_path15 = __toESM(require("node:path"), 1);
function gitRoot(start2) {
  let dir = import_node_path15.default.resolve(start2);
  for (; ; ) {
    if (import_node_fs11.default.existsSync(import_node_path15.default.join(dir, ".git"))) return dir;
    const parent = import_node_path15.default.dirname(dir);
    if (parent === dir) return void 0;
    dir = parent;
  }
}
function projectRoot(cwd, paths, configFile) {
  const from = [cwd, ...paths.slice(0, 1).map((p) => existingDir(import_node_path15.default.resolve(cwd, p)))];
  for (const start2 of from) {
    const root = start2 && gitRoot(start2);
    if (root) return root;
  }
  return configFile ? import_node_path15.default.dirname(configFile) : import_node_path15.default.resolve(cwd);
}
function existingDir(abs) {
  try {
    return import_node_fs11.default.statSync(abs).isDirectory() ? abs : import_node_path15.default.dirname(abs);
  } catch {
    return void 0;
  }
}
function rootRelative(root, abs) {
  return import_node_path15.default.relative(root, abs).split(import_node_path15.default.sep).join("/") || ".";
}

// src/project/facts-cache.ts
var import_node_crypto2 = require("node:crypto");
var import_node_fs13 = __toESM(require("node:fs"), 1);
var import_node_path17 = __toESM(require("node:path"), 1);

// src/analysis/validate-facts.ts
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var isInt = (v, min = 0) => typeof v === "number" && Number.isInteger(v) && v >= min;
var isString = (v) => typeof v === "string";
var isBool = (v) => typeof v === "boolean";
var optional = (v, ok) => v === void 0 || ok(v);
var arrayOf = (v, ok) => Array.isArray(v) && v.every(ok);
function isCachedFactsValue(v) {
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  if (keys.length !== 1) return false;
  if (keys[0] === "syntaxError") {
    const e = v.syntaxError;
    return isObject(e) && isInt(e.offset) && isString(e.message);
  }
  return keys[0] === "facts" && isFileFacts(v.facts);
}
function isFileFacts(v) {
  if (!isObject(v)) return false;
  if (!Array.isArray(v.functions) || !Array.isArray(v.tables) || !Array.isArray(v.sites)) return false;
  const b = { functions: v.functions.length, tables: v.tables.length, sites: v.sites.length };
  const value = (x) => isSymValue(x, b);
  const fields = (x) => isObject(x) && Object.values(x).every(value);
  return isBool(v.returnsValue) && value(v.exports) && optional(v.moduleShaped, (x) => x === true) && optional(v.globals, fields) && optional(v.moduleName, isString) && optional(v.callFields, (x) => isObject(x) && Object.values(x).every(fields)) && arrayOf(v.requires, isString) && v.functions.every((f, i) => isFunction(f, i, b)) && v.tables.every(fields) && v.sites.every(isSpan) && arrayOf(v.events, (e) => isEvent(e, b));
}
function isSpan(v) {
  return Array.isArray(v) && v.length === 2 && isInt(v[0]) && isInt(v[1]) && v[0] <= v[1];
}
var below = (n) => (v) => isInt(v) && v < n;
function isFunction(v, index, b) {
  if (!isObject(v)) return false;
  const value = (x) => isSymValue(x, b);
  return v.id === index && isString(v.name) && (v.parent === -1 || below(b.functions)(v.parent)) && isInt(v.paramCount) && optional(v.params, (x) => arrayOf(x, isString)) && isSpan(v.span) && optional(v.ownerTable, below(b.tables)) && arrayOf(v.returns, (r) => arrayOf(r, value)) && optional(v.ends, (x) => x === "exit" || x === "error") && optional(v.defers, (x) => arrayOf(x, isInt)) && optional(v.invokes, (x) => arrayOf(x, isInt));
}
var MAX_DEPTH3 = 200;
function isSymValue(v, b, depth = 0) {
  if (!isObject(v) || depth > MAX_DEPTH3) return false;
  const value = (x) => isSymValue(x, b, depth + 1);
  switch (v.t) {
    case "const":
      return v.v === null || isString(v.v) || isBool(v.v) || typeof v.v === "number";
    case "table":
      return below(b.tables)(v.id);
    case "fn":
      return below(b.functions)(v.id);
    case "require":
    case "global":
      return isString(v.name);
    case "param":
      return isInt(v.index);
    case "get":
      return value(v.base) && isString(v.key);
    case "concat":
      return arrayOf(v.parts, value);
    case "call":
      return value(v.callee) && arrayOf(v.args, value) && below(b.sites)(v.site) && isInt(v.index);
    case "obj":
      return isString(v.client) && below(b.sites)(v.site);
    case "op":
      return isString(v.obj) && isString(v.method) && isInt(v.index) && below(b.sites)(v.site);
    case "or":
      return value(v.left) && value(v.right);
    case "phi":
      return arrayOf(v.options, value);
    case "unknown":
      return true;
    default:
      return false;
  }
}
function isSession(v) {
  return isObject(v) && (v.db === void 0 || v.db === null || isString(v.db)) && isBool(v.multi) && optional(v.subscribed, (x) => x === true);
}
var PATH_ENDS = ["return", "end", "exit"];
var SHARED_HOWS = ["module-level", "upvalue", "module-field", "timer-arg", "timer-upvalue"];
function isEvent(v, b) {
  if (!isObject(v) || !below(b.functions)(v.fn) || !below(b.sites)(v.site)) return false;
  const value = (x) => isSymValue(x, b);
  const sites = (x) => arrayOf(x, below(b.sites));
  const target = value(v.target);
  switch (v.kind) {
    case "new":
      return target && isString(v.client) && arrayOf(v.args, value);
    case "connect":
      return target && isString(v.method) && arrayOf(v.args, value) && isBool(v.errorPath) && optional(v.keyRule, isString);
    case "release":
      return target && (v.mode === "long" || v.mode === "short") && isString(v.method) && arrayOf(v.args, value) && isBool(v.errorPath) && optional(v.errorOp, isString) && isSession(v.session) && isBool(v.unreadBody) && optional(v.implicit, isBool) && optional(v.after, sites);
    case "pass":
      return target && value(v.callee) && isInt(v.argIndex) && isBool(v.selfCall) && isBool(v.errorPath) && optional(v.errorOp, isString) && optional(v.args, (x) => arrayOf(x, value)) && optional(v.subscribed, (x) => x === true);
    case "unreleased":
      return target && PATH_ENDS.includes(v.end) && optional(v.ifEnds, value) && sites(v.passSites) && sites(v.connectSites) && isSession(v.session) && optional(v.early, (x) => x === true) && optional(v.afterFailureOf, isString);
    case "method":
      return target && isString(v.method) && arrayOf(v.args, value) && isBool(v.errorPath);
    case "use-after-release":
      return target && isString(v.method) && sites(v.previous) && isBool(v.reconnect);
    case "call":
      return value(v.callee) && arrayOf(v.callbacks, below(b.functions)) && isBool(v.deferred) && optional(v.callbackArgs, (x) => arrayOf(x, isInt)) && optional(v.forwards, (x) => arrayOf(x, (p) => Array.isArray(p) && p.length === 2 && isInt(p[0]) && isInt(p[1])));
    case "escape":
      return target;
    case "ctx-store":
      return target && isString(v.slot);
    case "shared":
      return target && SHARED_HOWS.includes(v.how) && optional(v.via, isString);
    default:
      return false;
  }
}

// src/files/make-directories.ts
var import_node_fs12 = __toESM(require("node:fs"), 1);
var import_node_path16 = __toESM(require("node:path"), 1);
function makeDirectories(dir) {
  const missing = [];
  let at2 = import_node_path16.default.resolve(dir);
  for (; ; ) {
    let stat;
    try {
      stat = import_node_fs12.default.statSync(at2);
    } catch (e) {
      if (e.code !== "ENOENT") throw e;
    }
    if (stat) {
      if (!stat.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at2}'`), { code: "ENOTDIR", path: at2 });
      break;
    }
    missing.push(at2);
    const parent = import_node_path16.default.dirname(at2);
    if (parent === at2) break;
    at2 = parent;
  }
  for (const d of missing.reverse()) {
    try {
      import_node_fs12.default.mkdirSync(d);
    } catch (e) {
      if (e.code !== "EEXIST" || !import_node_fs12.default.statSync(d).isDirectory()) throw e;
    }
  }
}

// src/project/facts-cache.ts
var FACTS_FORMAT = 11;
var MAGIC = "resty-lint-facts";
var sha256 = (text) => (0, import_node_crypto2.createHash)("sha256").update(text).digest("hex");
var FactsCache = class {
  /** `warn` hears, once, that the cache directory cannot be used and the run goes on without it. */
  constructor(root, warn = () => {
  }) {
    this.root = root;
    this.warn = warn;
    this.dir = import_node_path17.default.join(root, `v${VERSION}-f${FACTS_FORMAT}-${BUILD_ID ?? "source"}`);
  }
  root;
  warn;
  dir;
  /** Why the cache is off for this run (the directory cannot be used), once it is. */
  off;
  checked = false;
  hits = 0;
  misses = 0;
  /** `variant` names what besides the bytes the facts depend on (the LuaJIT build the code is parsed for). */
  key(bytes, variant = "") {
    return (0, import_node_crypto2.createHash)("sha256").update(variant).update("\0").update(bytes).digest("hex");
  }
  get(key) {
    const value = this.usable() ? this.read(key) : void 0;
    if (value) this.hits++;
    else this.misses++;
    return value;
  }
  set(key, value) {
    if (!this.usable()) return;
    const file = this.file(key);
    const payload = JSON.stringify(value);
    const tmp = `${file}.${(0, import_node_crypto2.randomBytes)(8).toString("hex")}.tmp`;
    try {
      makeDirectories(import_node_path17.default.dirname(file));
      import_node_fs13.default.writeFileSync(tmp, `${MAGIC} ${FACTS_FORMAT} ${key} ${sha256(payload)}
${payload}`, { flag: "wx" });
      import_node_fs13.default.renameSync(tmp, file);
    } catch (e) {
      try {
        import_node_fs13.default.unlinkSync(tmp);
      } catch {
      }
      this.turnOff(e);
    }
  }
  /** The entry for `key` if it is whole and consistent, else undefined. */
  read(key) {
    let text;
    try {
      text = import_node_fs13.default.readFileSync(this.file(key), "utf8");
    } catch {
      return void 0;
    }
    const newline = text.indexOf("\n");
    if (newline < 0) return void 0;
    const payload = text.slice(newline + 1);
    if (text.slice(0, newline) !== `${MAGIC} ${FACTS_FORMAT} ${key} ${sha256(payload)}`) return void 0;
    try {
      const value = JSON.parse(payload);
      return isCachedFactsValue(value) ? value : void 0;
    } catch {
      return void 0;
    }
  }
  /** Checks the directory once (created, readable and writable); a problem turns the cache off. */
  usable() {
    if (!this.checked) {
      this.checked = true;
      try {
        makeDirectories(this.dir);
        import_node_fs13.default.accessSync(this.dir, import_node_fs13.default.constants.R_OK | import_node_fs13.default.constants.W_OK | import_node_fs13.default.constants.X_OK);
      } catch (e) {
        this.turnOff(e);
      }
    }
    return this.off === void 0;
  }
  turnOff(e) {
    if (this.off !== void 0) return;
    const err = e;
    this.off = err.message ?? String(e);
    this.warn(`cache directory ${this.root} cannot be used (${this.off}); running without the cache`);
  }
  file(key) {
    return import_node_path17.default.join(this.dir, key.slice(0, 2), `${key}.json`);
  }
};

// src/project/run-project.ts
var MissingPathError = class extends Error {
  constructor(paths) {
    super(`no such file or directory: ${paths.join(", ")}`);
    this.paths = paths;
  }
  paths;
};
function analyzeProject(cwd, opts) {
  cwd = import_node_path18.default.resolve(cwd);
  const configOptions = { knownRuleIds: opts.rules.map((r) => r.meta.id), knownClients: CLIENT_PROFILES.map((p) => p.module) };
  const fromCwd = loadConfig({ cwd, explicitPath: opts.config, ...configOptions });
  const configFile = fromCwd.file !== void 0 ? import_node_path18.default.resolve(cwd, fromCwd.file) : void 0;
  const root = projectRoot(cwd, opts.paths, configFile);
  const config = root === cwd ? fromCwd : loadConfig({ cwd: root, explicitPath: configFile, ...configOptions });
  const given = /* @__PURE__ */ new Map();
  const fromArg = (p) => {
    const rel = rootRelative(root, import_node_path18.default.resolve(cwd, p));
    if (!given.has(rel)) given.set(rel, p);
    return rel;
  };
  const paths = (opts.paths.length > 0 ? opts.paths : ["."]).map(fromArg);
  const nginxConf = opts.nginxConf.map(fromArg);
  const found = discoverProject(root, paths, [...config.nginxConf, ...nginxConf]);
  const missing = [...found.missing, ...nginxConf.filter((f) => !isFile(import_node_path18.default.resolve(root, f)))];
  if (missing.length > 0) throw new MissingPathError(missing.map((m) => given.get(m) ?? m));
  const result = analyze({
    cwd: root,
    rules: opts.rules,
    files: filterIgnored(found.lua, config.ignore),
    rawPaths: found.rawPaths,
    skippedLinks: found.skipped.filter((s) => filterIgnored([s.file], config.ignore).length > 0),
    nginxConfs: filterIgnored(found.nginx, config.ignore),
    redisConfs: filterIgnored(found.redis, config.ignore),
    luaRoots: config.luaRoots,
    wrappers: config.wrappers,
    ruleLevels: config.rules,
    maxFileBytes: config.maxFileBytes,
    lua52Compat: config.lua52Compat,
    cache: factsCache(cwd, root, opts.cache, config.cacheDir, opts.onWarning),
    onProgress: opts.onProgress
  });
  const reportOnly = opts.reportOnly?.map((f) => rootRelative(root, import_node_path18.default.resolve(cwd, f)));
  const select = (list2) => reportOnly ? selectReportOnly(list2, root, reportOnly) : list2;
  let findings = select(result.findings);
  let suppressed = select(result.suppressed);
  if (opts.baseline) {
    const { fresh, known } = applyBaseline(findings, readBaseline(import_node_path18.default.resolve(cwd, opts.baseline)));
    findings = fresh;
    suppressed = [...suppressed, ...known].sort(compareFindings);
  }
  const notAnalyzed = (opts.reportOnly ?? []).filter((_, i) => !result.sources.has(reportOnly[i]));
  return { findings, suppressed, filesAnalyzed: result.filesAnalyzed, internalErrors: result.internalErrors, sources: result.sources, model: result.model, rules: opts.rules, notAnalyzed, root };
}
function isFile(abs) {
  try {
    return import_node_fs14.default.statSync(abs).isFile();
  } catch {
    return false;
  }
}
function factsCache(cwd, root, flag, configured, warn) {
  if (flag === false) return void 0;
  if (flag !== void 0) return new FactsCache(import_node_path18.default.resolve(cwd, flag), warn);
  const fallback = BUILD_ID && import_node_fs14.default.existsSync(import_node_path18.default.join(root, "node_modules")) ? "node_modules/.cache/resty-lint" : void 0;
  const dir = configured ?? fallback;
  return dir ? new FactsCache(import_node_path18.default.resolve(root, dir), warn) : void 0;
}
function selectReportOnly(findings, root, files) {
  const wanted = new Set(files.map((f) => rootRelative(root, import_node_path18.default.resolve(root, f))));
  return findings.filter((f) => wanted.has(f.location.file) || f.related.some((r) => wanted.has(r.file)));
}

// src/report/render.ts
var import_node_path19 = __toESM(require("node:path"), 1);

// src/format/control-chars.ts
function sanitize(s) {
  return s.replace(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/g, controlPicture);
}
function controlPicture(c) {
  const code = c.charCodeAt(0);
  return code < 32 ? String.fromCharCode(9216 + code) : code === 127 ? "\u2421" : "\uFFFD";
}

// src/format/compact.ts
function formatCompact(findings) {
  return [...findings].sort(compareFindings).map((f) => {
    const { file, startLine, startColumn } = f.location;
    const message = sanitize(plainMessage(f).replace(/\s*[\r\n]+\s*/g, " ").trim());
    return `${sanitize(file)}:${startLine}:${startColumn}: ${f.level} [${f.ruleId}] ${message}
`;
  }).join("");
}

// src/format/github.ts
var ANNOTATIONS_PER_LEVEL = 10;
var COMMAND = { error: "error", warning: "warning", note: "notice" };
var DEFAULT_HINT = "run resty-lint with --format text or --format sarif to see them all";
function formatGithub(findings, opts = {}) {
  const limit = opts.limit ?? ANNOTATIONS_PER_LEVEL;
  const sorted = [...findings].sort(byImportance);
  const counts = { error: 0, warning: 0, note: 0 };
  for (const f of sorted) counts[f.level]++;
  const caps = { error: 0, warning: 0, note: 0 };
  for (const l of LEVELS) caps[l] = Math.max(0, limit - (opts.reserved?.[l] ?? 0));
  if (LEVELS.some((l) => counts[l] > caps[l])) caps.note = Math.max(0, caps.note - 1);
  const printed = { error: 0, warning: 0, note: 0 };
  const out = [];
  for (const f of sorted) {
    if (printed[f.level] >= caps[f.level]) continue;
    printed[f.level]++;
    out.push(annotation(f));
  }
  const left = sorted.length - out.length;
  if (left > 0) {
    const parts = LEVELS.filter((l) => counts[l] > printed[l]).map((l) => `${counts[l] - printed[l]} ${l}${counts[l] - printed[l] === 1 ? "" : "s"}`);
    out.push(
      `::notice::${escapeData(
        `resty-lint: ${left} more finding${left === 1 ? "" : "s"} (${parts.join(", ")}) not shown as annotations (GitHub shows at most ${limit} per level and step); ${opts.moreHint ?? DEFAULT_HINT}`
      )}`
    );
  }
  return out.map((l) => `${l}
`).join("");
}
function annotation(f) {
  const l = f.location;
  const props = [["file", l.file], ["line", l.startLine], ["endLine", l.endLine]];
  if (l.startLine === l.endLine) {
    props.push(["col", l.startColumn], ["endColumn", Math.max(l.startColumn, l.endColumn - 1)]);
  }
  props.push(["title", `resty-lint (${f.ruleId})`]);
  const properties = props.map(([k, v]) => `${k}=${escapeProperty(sanitize(String(v)))}`).join(",");
  return `::${COMMAND[f.level]} ${properties}::${escapeData(sanitize(plainMessage(f)))}`;
}
function byImportance(a, b) {
  return levelRank(b.level) - levelRank(a.level) || compareFindings(a, b);
}
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// src/format/json.ts
function buildJsonReport(findings, meta) {
  const sorted = [...findings].sort(compareFindings);
  const summary = { error: 0, warning: 0, note: 0, filesAnalyzed: meta.filesAnalyzed };
  for (const f of sorted) summary[f.level]++;
  return {
    tool: { name: "resty-lint", version: meta.toolVersion },
    summary,
    findings: sorted.map((f) => ({
      ruleId: f.ruleId,
      level: f.level,
      message: f.message,
      plainMessage: plainMessage(f),
      location: span2(f.location),
      related: [...f.related].sort((a, b) => a.id - b.id).map(related),
      fingerprint: f.fingerprint
    }))
  };
}
function formatJson(findings, meta) {
  return `${JSON.stringify(buildJsonReport(findings, meta), null, 2)}
`;
}
function span2(s) {
  return { file: s.file, startLine: s.startLine, startColumn: s.startColumn, endLine: s.endLine, endColumn: s.endColumn };
}
function related(r) {
  return { id: r.id, ...span2(r), message: r.message };
}

// src/format/html-escape.ts
function esc(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// src/format/pools-diagram.ts
var NODE_W = 230;
var NODE_H = 40;
var COL_GAP = 90;
var ROW_GAP = 16;
var PAD = 16;
var TOP = 16;
var EDGE_STYLE = {
  runs: { stroke: "#7a869a", width: 1.5, label: "runs" },
  requires: { stroke: "#7a869a", width: 1.5, label: "requires" },
  long: { stroke: "#2e7d32", width: 2.5, label: "long: set_keepalive" },
  short: { stroke: "#c62828", width: 2.5, dash: "7 5", label: "short: close / never released" },
  error: { stroke: "#ef6c00", width: 2, dash: "2 4", label: "close on an error path" }
};
function poolDiagram(inv) {
  const { nodes, edges } = inv.graph;
  if (nodes.length === 0) return '<p class="empty">No pool with a known key: nothing to draw.</p>';
  const depth = /* @__PURE__ */ new Map();
  const queue = [];
  for (const e of edges) if (e.kind === "runs" && !depth.has(e.to)) depth.set(e.to, 0), queue.push(e.to);
  for (let i = 0; i < queue.length; i++) {
    for (const e of edges) {
      if (e.kind !== "requires" || e.from !== queue[i] || depth.has(e.to)) continue;
      depth.set(e.to, depth.get(queue[i]) + 1);
      queue.push(e.to);
    }
  }
  const unitCols = Math.max(1, ...nodes.filter((n) => n.kind === "unit").map((n) => (depth.get(n.id) ?? 0) + 1));
  const columnOf = (n) => n.kind === "entry" ? 0 : n.kind === "unit" ? 1 + (depth.get(n.id) ?? 0) : 1 + unitCols;
  const columns = Array.from({ length: 2 + unitCols }, () => []);
  for (const n of nodes) columns[columnOf(n)].push(n);
  const pos = /* @__PURE__ */ new Map();
  columns.forEach((col, c) => col.forEach((n, r) => pos.set(n.id, { x: PAD + c * (NODE_W + COL_GAP), y: TOP + 22 + r * (NODE_H + ROW_GAP) })));
  const rowsMax = Math.max(...columns.map((c) => c.length));
  const legendY = TOP + 22 + rowsMax * (NODE_H + ROW_GAP) + 10;
  const width = PAD * 2 + columns.length * NODE_W + (columns.length - 1) * COL_GAP;
  const height = legendY + 40;
  const poolFindings = new Map(inv.pools.map((p) => [`pool:${p.key}`, p.findings.length]));
  const out = [];
  out.push(`<svg id="pool-diagram" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Entry points, modules and pools">`);
  const heads = ["Entry points", ...Array.from({ length: unitCols }, (_, i) => i === 0 ? "Lua run by nginx" : "Modules"), "Pools"];
  heads.forEach((h, c) => out.push(`<text class="colhead" x="${PAD + c * (NODE_W + COL_GAP)}" y="${TOP + 8}">${esc(h)}</text>`));
  const offset = { runs: 0, requires: 0, long: -8, short: 0, error: 8 };
  for (const e of edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    const x1 = a.x + NODE_W;
    const y1 = a.y + NODE_H / 2 + offset[e.kind];
    const x2 = b.x;
    const y2 = b.y + NODE_H / 2 + offset[e.kind];
    const bend = Math.max(40, Math.abs(x2 - x1) / 2);
    const s = EDGE_STYLE[e.kind];
    out.push(
      `<path class="edge ${e.kind}" data-from="${esc(e.from)}" data-to="${esc(e.to)}" d="M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}" fill="none" stroke="${s.stroke}" stroke-width="${s.width}"${e.kind === "short" || e.kind === "error" ? ` stroke-dasharray="${s.dash}"` : ""} marker-end="url(#arrow-${e.kind})"><title>${esc(`${e.kind}: ${labelOf(nodes, e.from)} \u2192 ${labelOf(nodes, e.to)}`)}</title></path>`
    );
  }
  out.push("<defs>");
  for (const [kind, s] of Object.entries(EDGE_STYLE)) {
    out.push(`<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="${s.stroke}"/></marker>`);
  }
  out.push("</defs>");
  for (const n of nodes) {
    const p = pos.get(n.id);
    const [line1, line2] = nodeLines(n);
    const bad = n.kind === "pool" && (poolFindings.get(n.id) ?? 0) > 0 ? " flagged" : "";
    out.push(
      `<g class="node ${n.kind}${bad}" data-id="${esc(n.id)}" transform="translate(${p.x} ${p.y})"><title>${esc(fullLabel(n))}</title><rect width="${NODE_W}" height="${NODE_H}" rx="6"/><text x="10" y="${line2 ? 16 : 25}" class="l1">${esc(line1)}</text>${line2 ? `<text x="10" y="32" class="l2">${esc(line2)}</text>` : ""}</g>`
    );
  }
  let lx = PAD;
  for (const kind of ["runs", "long", "short", "error"]) {
    const s = EDGE_STYLE[kind];
    const label = kind === "runs" ? "runs / requires" : s.label;
    out.push(
      `<g class="legend" transform="translate(${lx} ${legendY})"><line x1="0" y1="10" x2="44" y2="10" stroke="${s.stroke}" stroke-width="${s.width}"${kind === "short" || kind === "error" ? ` stroke-dasharray="${s.dash}"` : ""}/><text x="52" y="14">${esc(label)}</text></g>`
    );
    lx += 60 + label.length * 7;
  }
  out.push("</svg>");
  return out.join("\n");
}
function labelOf(nodes, id) {
  const n = nodes.find((x) => x.id === id);
  return n ? fullLabel(n) : id;
}
function fullLabel(n) {
  if (n.kind === "entry") return `${n.label} (${n.phase}) at ${n.at.file}:${n.at.line}`;
  if (n.kind === "pool") return `pool ${n.label}`;
  return n.label;
}
var MAX_CHARS = 31;
function nodeLines(n) {
  if (n.kind === "entry") return [fit(n.label), fit(`${n.phase} \xB7 ${n.at.file.slice(n.at.file.lastIndexOf("/") + 1)}:${n.at.line}`, true)];
  if (n.kind === "pool") return [fit(n.label)];
  const slash = n.label.lastIndexOf("/");
  if (slash < 0) return [fit(n.label)];
  return [fit(n.label.slice(slash + 1)), fit(n.label.slice(0, slash + 1), true)];
}
function fit(s, keepEnd = false) {
  if (s.length <= MAX_CHARS) return s;
  return keepEnd ? `\u2026${s.slice(s.length - MAX_CHARS + 1)}` : `${s.slice(0, MAX_CHARS - 1)}\u2026`;
}

// src/format/pools-html-assets.ts
var POOLS_PAGE_CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--green:#2e7d32;--red:#c62828;--orange:#ef6c00;--blue:#0969da}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
header{padding:16px 24px;border-bottom:1px solid var(--line);background:var(--soft)}
h1{margin:0 0 4px;font-size:22px}
h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:0 0 8px}
h4{font-size:13px;margin:12px 0 4px;color:var(--muted)}
main{padding:0 24px 40px;max-width:1400px}
.meta{margin:0;color:var(--muted)}
code{font:12.5px/1.3 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace}
table{border-collapse:collapse;width:100%;margin:6px 0}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
.num{text-align:right}
td.long{color:var(--green);font-weight:600}
td.short{color:var(--red);font-weight:600}
a{color:var(--blue);text-decoration:none}
a:hover{text-decoration:underline}
a.loc{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}
.assumed{color:var(--orange)}
.foot{color:var(--muted);font-size:12px}
.empty{color:var(--muted)}
.verdict{padding:8px 12px;border-radius:6px;margin:12px 0 0;font-weight:600}
.verdict.bad,td.bad{background:#ffebe9;color:var(--red)}
.verdict.good,td.good{background:#dafbe1;color:var(--green)}
.verdict.maybe,td.maybe{background:#fff8c5;color:#7d4e00}
.level{display:inline-block;padding:0 6px;border-radius:10px;font-size:12px;font-weight:600;color:#fff}
.level.error{background:var(--red)}.level.warning{background:#bf8700}.level.note{background:var(--blue)}
.tag{display:inline-block;font-size:12px;font-weight:400;color:var(--muted);border:1px solid var(--line);border-radius:10px;padding:0 8px;margin-left:4px}
.phase{font-size:12px;border-radius:4px;padding:0 5px;background:#ddf4ff}
.phase.nocosocket{background:#ffebe9}
article.pool{border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:14px 0}
article.pool:target{outline:2px solid var(--blue)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0 0 8px}
dt{color:var(--muted)}dd{margin:0}dd ul{margin:0;padding-left:18px}
tr.long td:first-child{color:var(--green);font-weight:600}
tr.short td:first-child{color:var(--red);font-weight:600}
tr.error td:first-child{color:var(--orange);font-weight:600}
ul.findings{padding-left:18px}ul.findings li{margin-bottom:6px}
#diagram{overflow-x:auto}
#pool-diagram{display:block;max-width:none}
#pool-diagram .colhead{font-size:12px;font-weight:600;fill:var(--muted)}
#pool-diagram .node rect{stroke-width:1.5}
#pool-diagram .node.entry rect{fill:#ddf4ff;stroke:#54aeff}
#pool-diagram .node.unit rect{fill:#f6f8fa;stroke:#afb8c1}
#pool-diagram .node.pool rect{fill:#fff8c5;stroke:#d4a72c}
#pool-diagram .node.pool.flagged rect{stroke:var(--red);stroke-width:2.5}
#pool-diagram .node text.l1{font:600 12px ui-monospace,Menlo,Consolas,monospace;fill:var(--fg)}
#pool-diagram .node text.l2{font:11px ui-monospace,Menlo,Consolas,monospace;fill:var(--muted)}
#pool-diagram .legend text{font-size:12px;fill:var(--fg)}
#pool-diagram.focus .edge{opacity:.12}
#pool-diagram.focus .edge.on{opacity:1}
#pool-diagram .node{cursor:default}
`;
var POOLS_PAGE_SCRIPT = `
(function () {
  'use strict';
  // The filter needs this script: shown only when it runs.
  var box = document.getElementById('filter-box');
  if (box) box.hidden = false;
  var input = document.getElementById('filter');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#pool-table tbody tr'));
  if (input) input.addEventListener('input', function () {
    var q = input.value.trim().toLowerCase();
    rows.forEach(function (r) { r.hidden = q !== '' && r.getAttribute('data-search').indexOf(q) < 0; });
  });
  var svg = document.getElementById('pool-diagram');
  if (!svg) return;
  var edges = Array.prototype.slice.call(svg.querySelectorAll('.edge'));
  Array.prototype.forEach.call(svg.querySelectorAll('.node'), function (node) {
    var id = node.getAttribute('data-id');
    node.addEventListener('mouseenter', function () {
      svg.classList.add('focus');
      edges.forEach(function (e) { if (e.getAttribute('data-from') === id || e.getAttribute('data-to') === id) e.classList.add('on'); });
    });
    node.addEventListener('mouseleave', function () {
      svg.classList.remove('focus');
      edges.forEach(function (e) { e.classList.remove('on'); });
    });
  });
})();
`;

// src/pools/inventory-types.ts
var DEFAULT_POOL_SIZE = 30;
var DEFAULT_REDIS_MAXCLIENTS = 1e4;
var DEFAULT_REDIS_PORT = 6379;
var INVENTORY_NOTES = [
  "pool_size caps the idle connections each worker keeps in a pool; without connect opts.backlog (not read by resty-lint) a busy worker can open more.",
  "Only this nginx configuration is counted: several nginx hosts (or other clients) multiply the connections a server sees.",
  "Entry points reach a module when their Lua requires it, directly or through other modules (whether the pool code runs in that phase is not checked here; cosocket-disabled-phase does)."
];

// src/format/pools-text.ts
var COLUMNS = ["KEY", "CLIENT", "SERVER", "SIZE", "IDLE", "LONG", "SHORT", "ERROR", "FINDINGS"];
var NUMERIC = /* @__PURE__ */ new Set([5, 6, 7, 8]);
function poolCells(p) {
  return [keyCell(p), p.clients.join(", "), p.server.text, sizeCell(p), idleCell(p.idleTimeouts), String(p.long.length), String(p.short.length), String(p.errorPath.length), String(p.findings.length)];
}
function keyCell(p) {
  return p.family ? `${p.family.expression} [${p.family.from}]` : p.key;
}
function familyCounts(p) {
  return `long ${p.long.length}, short ${p.short.length}, error path ${p.errorPath.length}, findings ${p.findings.length}`;
}
function sizeCell(p) {
  if (p.capacity.poolSizeAssumed) return `${p.capacity.poolSize}*`;
  const sizes = [...new Set(p.poolSizes.flatMap((s) => s.size === null ? [] : [s.size]))];
  return sizes.join("/");
}
function idleCell(timeouts) {
  if (timeouts.length === 0) return "-";
  return [...new Set(timeouts.map(idleText))].join(", ");
}
function idleText(t) {
  if (t.ms === null) return "?";
  return t.inherited ? `${duration(t.ms)} (inherited)` : duration(t.ms);
}
function duration(ms) {
  if (ms === 0) return "0 (no limit)";
  return ms % 1e3 === 0 ? `${ms / 1e3}s` : `${ms}ms`;
}
function formatPoolsText(inv, opts) {
  const out = [];
  const unknown = inv.unknown.count > 0 ? `, ${plural(inv.unknown.count, "use")} with an unknown pool` : "";
  const families = inv.families > 0 ? ` (${plural(inv.families, "family", "families")})` : "";
  out.push(`resty-lint pools: ${plural(inv.pools.length, "pool")}${families}${unknown}, ${plural(opts.filesAnalyzed, "file")} analyzed`);
  out.push(nginxLine(inv));
  out.push("");
  if (inv.pools.length === 0) {
    out.push("No connection pool with a known key.");
  } else {
    const rows = [[...COLUMNS], ...inv.pools.map((p) => poolCells(p).map(clean))];
    const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows) {
      out.push(r.map((cell, i) => NUMERIC.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])).join("  ").trimEnd());
    }
    if (inv.pools.some((p) => p.capacity.poolSizeAssumed)) out.push(`* assumed: lua_socket_pool_size's default (no literal pool_size in the code)`);
    for (const p of inv.pools) out.push("", ...poolDetails(p));
  }
  if (inv.families > 0) {
    out.push("", `Pool families (${inv.families}): keys over values known only at runtime; each origin's sites share one pool, whatever its configuration`);
    for (const p of inv.pools) if (p.family) out.push(`  ${clean(p.family.expression)}  from ${clean(p.family.from)}: ${familyCounts(p)}`);
  }
  if (inv.unknown.count > 0) {
    out.push("", `Uses whose pool cannot be known (${inv.unknown.count}): not in any row above`);
    for (const s of inv.unknown.sites) out.push(`  ${clean(at(s))}  ${clean(s.function)}  ${clean(s.via)} (${s.errorPath ? "error path" : s.mode})`);
  }
  if (inv.servers.length > 0) {
    out.push("", "Servers (idle connections the pools may keep)");
    const w = Math.max(...inv.servers.map((s) => s.server.length));
    for (const s of inv.servers) {
      const conf = s.redisConf ? `  redis.conf ${clean(s.redisConf)}` : "";
      out.push(`  ${clean(s.server.padEnd(w))}  ${s.formula}  (${s.pools.map(clean).join(", ")})${conf}`);
    }
  }
  if (inv.redis.length > 0) {
    out.push("", "Redis maxclients");
    for (const r of inv.redis) {
      out.push(`  ${clean(r.file)} (port ${r.port}, maxclients ${r.maxclients}${r.maxclientsAssumed ? "*" : ""}): ${redisVerdict(r)}`);
      for (const a of r.assumptions) out.push(`    assumes: ${clean(a)}`);
    }
  }
  out.push("", "Notes:", ...inv.notes.map((n) => `  - ${n}`));
  return `${out.join("\n")}
`;
}
function nginxLine(inv) {
  const wp = inv.nginx.workerProcesses;
  const workers = wp ? `worker_processes ${clean(wp.value)} (${clean(at(wp))})` : "worker_processes not set (W)";
  return `nginx: ${workers}; lua_socket_keepalive_timeout ${duration(inv.nginx.keepaliveTimeoutMs)} for modules`;
}
function redisVerdict(r) {
  if (r.servers.length === 0) return "no pool connects to this port";
  const head = `${r.servers.join(" + ")}: ${r.formula}`;
  if (r.exceeds === true) return `${head} > ${r.maxclients}: EXCEEDS maxclients`;
  if (r.exceeds === false) return `${head} <= ${r.maxclients}: fits`;
  return `${head}: exceeds maxclients when ${r.exceedsWhen}`;
}
function poolDetails(p) {
  const out = [clean(p.key) + (p.family ? "  (pool family)" : p.symbolic ? "  (symbolic key)" : "")];
  const field = (name, lines) => {
    const list2 = lines.length > 0 ? lines : ["none"];
    out.push(`  ${name.padEnd(11)} ${clean(list2[0])}`);
    for (const l of list2.slice(1)) out.push(`  ${" ".repeat(11)} ${clean(l)}`);
  };
  if (p.family) field("family", [`${p.family.expression}  from ${p.family.from}`]);
  field("client", [p.clients.join(", ")]);
  field("server", [p.server.text]);
  field("pool_size", p.poolSizes.length > 0 ? p.poolSizes.map((s) => `${s.size ?? "?"}  ${s.source}  ${at(s.at)}`) : [`${p.capacity.poolSize} (assumed)`]);
  field("idle", p.idleTimeouts.map((t) => `${idleText(t)}  ${at(t.at)}`));
  field("capacity", [p.capacity.pooled ? `${p.capacity.formula} idle connections` : "not pooled"]);
  field("entries", p.entries.map((e) => `${e.directive} (${e.phase})  ${at(e)}`));
  field("connect", p.connects.map((s) => `${at(s)}  ${s.function}`));
  field("long", p.long.map((s) => `${at(s)}  ${s.function}  ${s.via}()`));
  field("short", p.short.map((s) => `${at(s)}  ${s.function}  ${s.reason}`));
  field("error path", p.errorPath.map((s) => `${at(s)}  ${s.function}  ${s.via}()${s.errorOp ? ` after a failed ${s.errorOp}()` : ""}`));
  field("findings", p.findings.map((f) => `${at(f)}  ${f.level}  ${f.ruleId}`));
  if (p.assumptions.length > 0) field("assumes", p.assumptions);
  return out;
}
function formatPoolsMarkdown(inv) {
  const lines = ["### Connection pools", ""];
  if (inv.pools.length === 0) {
    lines.push("No connection pool with a known key.");
  } else {
    lines.push("| Pool | Client | Server | Size | Idle | Long | Short | Error path | Findings |", "| --- | --- | --- | ---: | --- | ---: | ---: | ---: | ---: |");
    for (const p of inv.pools) lines.push(`| ${poolCells(p).map(mdText).join(" | ")} |`);
    if (inv.pools.some((p) => p.capacity.poolSizeAssumed)) lines.push("", mdText("* assumed: lua_socket_pool_size's default (no literal pool_size in the code)."));
  }
  if (inv.unknown.count > 0) lines.push("", `${plural(inv.unknown.count, "use")} whose pool cannot be known: ${inv.unknown.sites.slice(0, 3).map((s) => mdText(`${s.file}:${s.line}`)).join(", ")}${inv.unknown.count > 3 ? ", ..." : ""}`);
  for (const r of inv.redis) lines.push("", mdText(`${r.file} (port ${r.port}, maxclients ${r.maxclients}${r.maxclientsAssumed ? " assumed" : ""}): ${redisVerdict(r)}`));
  lines.push("");
  return `${lines.join("\n")}
`;
}
function mdText(s) {
  return s.replace(/[\\`*_{}[\]()<>#+!|~&]/g, "\\$&").replace(/[\r\n]+/g, " ");
}
function at(l) {
  return `${l.file}:${l.line}`;
}
function plural(n, word, words = `${word}s`) {
  return `${n} ${n === 1 ? word : words}`;
}
function clean(s) {
  return s.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 32 ? String.fromCharCode(9216 + code) : code === 127 ? "\u2421" : "\uFFFD";
  });
}

// src/format/pools-html.ts
function formatPoolsHtml(inv, opts) {
  const link = (l, text = `${l.file}:${l.line}`) => `<a class="loc" href="${esc(href(opts.linkBase, l))}">${esc(text)}</a>`;
  const parts = [];
  parts.push(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<link rel="icon" href="data:,">
<meta name="generator" content="resty-lint ${esc(opts.toolVersion)}">
<title>resty-lint pools</title>
<style>${POOLS_PAGE_CSS}</style>
</head>
<body>
<header>
<h1>Connection pools</h1>
<p class="meta">resty-lint ${esc(opts.toolVersion)} \xB7 ${plural2(inv.pools.length, "pool")}${inv.families > 0 ? ` (${inv.families} ${inv.families === 1 ? "family" : "families"})` : ""}${inv.unknown.count > 0 ? ` \xB7 ${plural2(inv.unknown.count, "use")} with an unknown pool` : ""} \xB7 ${plural2(opts.filesAnalyzed, "file")} analyzed \xB7 ${esc(nginxText(inv))}</p>
</header>
<main>`);
  if (inv.redis.length > 0) {
    parts.push('<section id="capacity-summary">');
    for (const r of inv.redis) parts.push(`<p class="verdict ${verdictClass(r)}">${esc(`${r.file}: port ${r.port}, maxclients ${r.maxclients}${r.maxclientsAssumed ? " (assumed)" : ""}`)} \u2014 ${esc(redisVerdict(r))}</p>`);
    parts.push("</section>");
  }
  parts.push('<section id="diagram"><h2>Entry points \u2192 modules \u2192 pools</h2>', poolDiagram(inv), "</section>");
  parts.push(`<section id="pools"><h2>Pools</h2>
<p id="filter-box" hidden><label>Filter <input id="filter" type="search" placeholder="key, file, client\u2026" autocomplete="off"></label></p>`);
  if (inv.pools.length === 0) {
    parts.push('<p class="empty">No connection pool with a known key.</p>');
  } else {
    parts.push(`<table id="pool-table">
<thead><tr><th>Pool</th><th>Client</th><th>Server</th><th class="num">Size</th><th>Idle</th><th class="num">Long</th><th class="num">Short</th><th class="num">Error path</th><th class="num">Findings</th><th>Idle connections</th></tr></thead>
<tbody>`);
    inv.pools.forEach((p, i) => {
      const cells = poolCells(p);
      const search = [.../* @__PURE__ */ new Set([p.key, ...p.clients, p.server.text, ...sitesOf(p).map((s) => s.file)])].join(" ").toLowerCase();
      parts.push(
        `<tr class="pool-row" data-key="${esc(p.key)}" data-search="${esc(search)}"><td class="key"><a href="#pool-${i + 1}"><code>${esc(p.family ? p.family.expression : p.key)}</code></a>${p.family ? ` <span class="tag">family: ${esc(p.family.from)}</span>` : ""}</td><td>${esc(cells[1])}</td><td>${p.server.kind === "named" ? "<em>named pool</em>" : `<code>${esc(cells[2])}</code>`}</td><td class="num${p.capacity.poolSizeAssumed ? ' assumed" title="assumed: lua_socket_pool_size default' : ""}">${esc(cells[3])}</td><td>${esc(cells[4])}</td><td class="num long">${cells[5]}</td><td class="num short">${cells[6]}</td><td class="num">${cells[7]}</td><td class="num">${findingBadge(p)}</td><td>${esc(p.capacity.formula)}${p.assumptions.length > 0 ? ' <span class="assumed" title="rests on assumptions: see the pool">*</span>' : ""}</td></tr>`
      );
    });
    parts.push("</tbody></table>");
    if (inv.pools.some((p) => p.capacity.poolSizeAssumed)) parts.push('<p class="foot">* assumed: lua_socket_pool_size\u2019s default (no literal pool_size in the code).</p>');
  }
  parts.push("</section>");
  inv.pools.forEach((p, i) => parts.push(poolArticle(p, i + 1, link)));
  if (inv.unknown.count > 0) {
    parts.push(`<section id="unknown"><h2>Uses whose pool cannot be known (${inv.unknown.count})</h2>
<p>The pool key depends on a value resty-lint does not know (a request argument, a computed host): these sites are in no row above.</p>
<table><thead><tr><th>Where</th><th>Function</th><th>Client</th><th>What</th></tr></thead><tbody>`);
    for (const s of inv.unknown.sites) parts.push(`<tr><td>${link(s)}</td><td><code>${esc(s.function)}</code></td><td>${esc(s.client)}</td><td>${esc(`${s.via} (${s.errorPath ? "error path" : s.mode})`)}</td></tr>`);
    parts.push("</tbody></table></section>");
  }
  if (inv.servers.length > 0 || inv.redis.length > 0) {
    parts.push('<section id="capacity"><h2>Capacity</h2>');
    if (inv.servers.length > 0) {
      parts.push("<h3>Servers</h3><table><thead><tr><th>Server</th><th>Pools</th><th>Idle connections</th><th>redis.conf</th><th>Assumptions</th></tr></thead><tbody>");
      for (const s of inv.servers) {
        parts.push(`<tr><td><code>${esc(s.server)}</code></td><td>${s.pools.map((k) => `<code>${esc(k)}</code>`).join(", ")}</td><td>${esc(s.formula)}</td><td>${s.redisConf ? link({ file: s.redisConf, line: 1, column: 1 }, s.redisConf) : "\u2014"}</td><td>${list(s.assumptions)}</td></tr>`);
      }
      parts.push("</tbody></table>");
    }
    if (inv.redis.length > 0) {
      parts.push('<h3>Redis maxclients</h3><table><thead><tr><th>redis.conf</th><th>Port</th><th class="num">maxclients</th><th>Servers</th><th>Idle connections</th><th>Verdict</th><th>Assumptions</th></tr></thead><tbody>');
      for (const r of inv.redis) {
        const verdict = r.exceeds === true ? "exceeds" : r.exceeds === false ? "fits" : `exceeds when ${r.exceedsWhen}`;
        parts.push(
          `<tr><td>${link({ file: r.file, line: 1, column: 1 }, r.file)}</td><td>${r.port}</td><td class="num${r.maxclientsAssumed ? " assumed" : ""}">${r.maxclients}${r.maxclientsAssumed ? "*" : ""}</td><td>${r.servers.map((k) => `<code>${esc(k)}</code>`).join(", ") || "\u2014"}</td><td>${esc(r.formula)}</td><td class="${verdictClass(r)}">${esc(verdict)}</td><td>${list(r.assumptions)}</td></tr>`
        );
      }
      parts.push("</tbody></table>");
    }
    parts.push("</section>");
  }
  parts.push(`<section id="notes"><h2>Notes</h2>${list(inv.notes)}</section>
</main>
<script>${POOLS_PAGE_SCRIPT}</script>
</body>
</html>
`);
  return parts.join("\n");
}
function poolArticle(p, n, link) {
  const rows = [];
  const row = (kind, cls, l, fn, what) => rows.push(`<tr class="${cls}"><td>${esc(kind)}</td><td>${link(l)}</td><td><code>${esc(fn)}</code></td><td>${esc(what)}</td></tr>`);
  for (const s of p.connects) row("connect", "connect", s, s.function, `${s.client} connect()`);
  for (const s of p.long) row("long", "long", s, s.function, `${s.via}()`);
  for (const s of p.short) row(s.kind === "close" ? "short" : "never released", "short", s, s.function, s.reason);
  for (const s of p.errorPath) row("error path", "error", s, s.function, `${s.via}()${s.errorOp ? ` after a failed ${s.errorOp}()` : " on an error path"}`);
  const sizes = p.poolSizes.length > 0 ? p.poolSizes.map((s) => `${s.size ?? "?"} (${esc(s.source)}, ${link(s.at)})`).join("; ") : `${p.capacity.poolSize} <span class="assumed">(assumed: lua_socket_pool_size default)</span>`;
  const idle = p.idleTimeouts.length > 0 ? p.idleTimeouts.map((t) => `${esc(idleText(t))} (${link(t.at)})`).join("; ") : "\u2014";
  const entries = p.entries.length > 0 ? `<ul>${p.entries.map((e) => `<li><code>${esc(e.directive)}</code> <span class="phase${e.cosocketAllowed ? "" : " nocosocket"}">${esc(e.phase)}</span> ${link(e)}</li>`).join("")}</ul>` : '<p class="empty">none found (no nginx directive runs or requires this code)</p>';
  const findings = p.findings.length > 0 ? `<ul class="findings">${p.findings.map((f) => `<li><span class="level ${f.level}">${f.level}</span> <code>${esc(f.ruleId)}</code> ${link(f)}<br>${esc(f.message)}</li>`).join("")}</ul>` : '<p class="empty">none</p>';
  return `<article class="pool" id="pool-${n}">
<h3><code>${esc(p.family ? p.family.expression : p.key)}</code>${p.family ? ` <span class="tag">pool family: ${esc(p.family.from)}</span>` : p.symbolic ? ' <span class="tag">symbolic key</span>' : ""} <span class="tag">${esc(p.clients.join(", "))}</span> <span class="tag">${esc(p.server.text)}</span></h3>
<dl>
${p.family ? `<dt>family</dt><dd>every site reached with the parameters of ${esc(p.family.from)} shares one pool, whatever its configuration: ${esc(familyCounts(p))}</dd>
` : ""}<dt>pool_size</dt><dd>${sizes}</dd>
<dt>idle timeout</dt><dd>${idle}</dd>
<dt>idle connections</dt><dd>${esc(p.capacity.pooled ? p.capacity.formula : "not pooled")}</dd>
<dt>entry points</dt><dd>${entries}</dd>
</dl>
<table class="sites"><thead><tr><th>Site</th><th>Where</th><th>Function</th><th>What</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table>
<h4>Findings (${p.findings.length})</h4>
${findings}
${p.assumptions.length > 0 ? `<h4>Assumptions</h4>${list(p.assumptions)}` : ""}
</article>`;
}
function sitesOf(p) {
  return [...p.connects, ...p.long, ...p.short, ...p.errorPath];
}
function findingBadge(p) {
  if (p.findings.length === 0) return "0";
  const worst = p.findings.some((f) => f.level === "error") ? "error" : p.findings.some((f) => f.level === "warning") ? "warning" : "note";
  return `<span class="level ${worst}">${p.findings.length}</span>`;
}
function verdictClass(r) {
  return r.exceeds === true ? "bad" : r.exceeds === false ? "good" : "maybe";
}
function nginxText(inv) {
  const wp = inv.nginx.workerProcesses;
  return `worker_processes ${wp ? wp.value : "not set (W)"}; lua_socket_keepalive_timeout ${duration(inv.nginx.keepaliveTimeoutMs)}`;
}
function list(items) {
  return items.length === 0 ? "\u2014" : `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`;
}
function href(base, l) {
  const path22 = base ? `${base.replace(/\/+$/, "")}/${l.file}` : l.file;
  const encode = (seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${path22.split("/").map((seg) => seg === ".." || seg === "." ? seg : encode(seg)).join("/")}#L${l.line}`;
}
function plural2(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// src/format/pools-json.ts
function buildPoolsJson(inv, meta) {
  return { tool: { name: "resty-lint", version: meta.toolVersion }, filesAnalyzed: meta.filesAnalyzed, ...inv };
}
function formatPoolsJson(inv, meta) {
  return `${JSON.stringify(buildPoolsJson(inv, meta), null, 2)}
`;
}

// src/format/sarif.ts
var import_node_sarif_builder = __toESM(require_dist2(), 1);
var SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
var SRCROOT = "%SRCROOT%";
var SARIF_MAX_RESULTS = 5e3;
var PROBLEM_SEVERITY = { error: "error", warning: "warning", note: "recommendation" };
function formatSarif(input) {
  return `${JSON.stringify(buildSarifLog(input), null, 2)}
`;
}
function buildSarifLog(input) {
  const rules = [...input.rules].sort((a, b) => cmp2(a.id, b.id));
  const known = new Set(rules.map((r) => r.id));
  for (const f of input.findings) {
    if (!known.has(f.ruleId)) throw new Error(`SARIF: finding for rule '${f.ruleId}', which is not in the rule list`);
  }
  const builder = new import_node_sarif_builder.SarifBuilder({ $schema: SARIF_SCHEMA_URI });
  const run2 = new import_node_sarif_builder.SarifRunBuilder({ columnKind: "utf16CodeUnits" }).initSimple({
    toolDriverName: "resty-lint",
    toolDriverVersion: input.toolVersion,
    url: input.informationUri
  });
  if (input.srcRootUri !== void 0) {
    const uri = input.srcRootUri.endsWith("/") ? input.srcRootUri : `${input.srcRootUri}/`;
    run2.run.originalUriBaseIds = { [SRCROOT]: { uri } };
  }
  for (const meta of rules) run2.addRule(ruleBuilder(meta, input.helpUriBase));
  const { kept, omitted } = mostSevere(input.findings, input.maxResults ?? SARIF_MAX_RESULTS);
  for (const f of kept.sort(compareFindings)) run2.addResult(resultBuilder(f, input.fixOf?.(f)));
  builder.addRun(run2);
  const log = builder.buildSarifOutput();
  for (const r of log.runs) postProcess(r);
  if (omitted.length > 0) {
    const byLevel = { error: 0, warning: 0, note: 0 };
    for (const f of omitted) byLevel[f.level]++;
    const total = kept.length + omitted.length;
    log.runs[0].properties = { omittedResults: { count: omitted.length, ...byLevel, total, limit: kept.length } };
    const levels = Object.keys(byLevel).filter((l) => byLevel[l] > 0).map((l) => `${byLevel[l]} ${l}${byLevel[l] === 1 ? "" : "s"}`);
    input.warn?.(
      `resty-lint: the SARIF log holds the ${kept.length} most severe of ${total} results (GitHub code scanning stores at most ${SARIF_MAX_RESULTS} per run); ${omitted.length} left out (${levels.join(", ")}): run with --format text or json to see them all
`
    );
  }
  return log;
}
function mostSevere(findings, limit) {
  if (findings.length <= limit) return { kept: [...findings], omitted: [] };
  const suppressed = (f) => f.suppressions && f.suppressions.length > 0 ? 1 : 0;
  const ranked = [...findings].sort((a, b) => suppressed(a) - suppressed(b) || levelRank(b.level) - levelRank(a.level) || compareFindings(a, b));
  return { kept: ranked.slice(0, limit), omitted: ranked.slice(limit) };
}
function ruleBuilder(meta, helpUriBase) {
  const rule17 = new import_node_sarif_builder.SarifRuleBuilder({
    name: meta.name,
    help: { text: meta.help.text, markdown: meta.help.markdown },
    defaultConfiguration: { level: meta.defaultLevel },
    properties: {
      tags: [...meta.tags],
      precision: meta.precision,
      "problem.severity": PROBLEM_SEVERITY[meta.defaultLevel]
    }
  }).initSimple({
    ruleId: meta.id,
    shortDescriptionText: meta.shortDescription,
    fullDescriptionText: meta.fullDescription,
    helpUri: helpUriBase === void 0 ? void 0 : `${helpUriBase.replace(/\/+$/, "")}/${meta.id}.md`
  });
  return rule17;
}
function resultBuilder(f, fix) {
  const options = {};
  if (fix) options.fixes = [sarifFix(fix)];
  if (f.related.length > 0) {
    options.relatedLocations = [...f.related].sort((a, b) => a.id - b.id).map((r) => ({ id: r.id, ...physical(r), message: { text: toSarifText(r.message, () => false) } }));
  }
  options.partialFingerprints = { primaryLocationLineHash: f.fingerprint };
  if (f.suppressions && f.suppressions.length > 0) {
    options.suppressions = f.suppressions.map((s) => {
      const out = { kind: s.kind };
      if (s.justification !== void 0) out.justification = s.justification;
      return out;
    });
  }
  const { location: l } = f;
  const result = new import_node_sarif_builder.SarifResultBuilder(options).initSimple({
    level: f.level,
    // May hold `[label](id)` links: SARIF's own embedded-link syntax, resolved by viewers against relatedLocations.
    // Any other `[`, `]` or `\` is escaped (SARIF 2.1.0 §3.11.6), so a pool name cannot break a link.
    messageText: toSarifText(f.message, (id) => f.related.some((r) => r.id === id)),
    ruleId: f.ruleId,
    fileUri: fileUri(l.file),
    startLine: l.startLine,
    startColumn: l.startColumn,
    endLine: l.endLine,
    endColumn: l.endColumn
  });
  return result;
}
function sarifFix(fix) {
  const files = [...new Set(fix.edits.map((e) => e.location.file))];
  return {
    description: { text: fix.description },
    artifactChanges: files.map((file) => ({
      artifactLocation: { uri: fileUri(file), uriBaseId: SRCROOT },
      replacements: fix.edits.filter((e) => e.location.file === file).map((e) => ({ deletedRegion: physical(e.location).physicalLocation.region, insertedContent: { text: e.text } }))
    }))
  };
}
function physical(span3) {
  return {
    physicalLocation: {
      artifactLocation: { uri: fileUri(span3.file), uriBaseId: SRCROOT },
      region: {
        startLine: span3.startLine,
        startColumn: span3.startColumn,
        endLine: span3.endLine,
        endColumn: span3.endColumn
      }
    }
  };
}
function postProcess(run2) {
  delete run2.artifacts;
  for (const result of run2.results ?? []) {
    for (const loc2 of [...result.locations ?? [], ...result.relatedLocations ?? []]) {
      const art = loc2.physicalLocation?.artifactLocation;
      if (!art) continue;
      delete art.index;
      art.uriBaseId = SRCROOT;
    }
    reorder(result, RESULT_KEYS);
  }
  for (const rule17 of run2.tool.driver.rules ?? []) reorder(rule17, RULE_KEYS);
  reorder(run2.tool.driver, DRIVER_KEYS);
  reorder(run2, RUN_KEYS);
}
var RUN_KEYS = ["tool", "originalUriBaseIds", "columnKind", "results"];
var DRIVER_KEYS = ["name", "version", "informationUri", "rules"];
var RULE_KEYS = ["id", "name", "shortDescription", "fullDescription", "help", "helpUri", "defaultConfiguration", "properties"];
var RESULT_KEYS = ["ruleId", "ruleIndex", "level", "message", "locations", "relatedLocations", "partialFingerprints", "suppressions", "fixes"];
function reorder(obj, first) {
  const rec = obj;
  const rank = (k) => {
    const i = first.indexOf(k);
    return i === -1 ? first.length : i;
  };
  const entries = Object.entries(rec).sort((a, b) => rank(a[0]) - rank(b[0]) || cmp2(a[0], b[0]));
  for (const [k] of entries) delete rec[k];
  for (const [k, v] of entries) rec[k] = v;
}
function fileUri(path22) {
  return path22.split("/").map((seg) => encodeURIComponent(seg).replace(/%(2[46BC]|3[BD]|40)/g, (m) => decodeURIComponent(m))).join("/");
}
function cmp2(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/fix/call-rewrite.ts
function fixOf(finding, sources) {
  const rewrite = finding.fix;
  const text = rewrite && sources.get(rewrite.call.file);
  return rewrite && text ? rewriteCall(rewrite, (line) => text.lineText(line)) : void 0;
}
function rewriteCall(rewrite, lineText) {
  const { call } = rewrite;
  if (!/^[A-Za-z_]\w*$/.test(rewrite.method)) return void 0;
  const lines = [];
  for (let l = call.startLine; l <= call.endLine; l++) {
    const full = lineText(l);
    const from = l === call.startLine ? call.startColumn - 1 : 0;
    const to = l === call.endLine ? call.endColumn - 1 : full.length;
    lines.push(full.slice(from, to));
  }
  const body = lines.join("\n");
  if (body.includes("--")) return void 0;
  const at2 = lastMethodCall(body, rewrite.method);
  if (!at2) return void 0;
  const old = splitArgs2(body.slice(at2.open + 1, body.length - 1));
  if (!old) return void 0;
  const args = [];
  for (let i = 0; i < rewrite.args.length; i++) {
    const a = rewrite.args[i] ?? old[i];
    if (a === void 0) break;
    args.push(a);
  }
  const start2 = positionIn(body, at2.name, call);
  return {
    description: rewrite.description,
    edits: [{ location: { file: call.file, ...start2, endLine: call.endLine, endColumn: call.endColumn }, text: `${rewrite.newMethod ?? rewrite.method}(${args.join(", ")})` }]
  };
}
function lastMethodCall(body, method) {
  if (!body.endsWith(")")) return void 0;
  const re = new RegExp(`[:.]\\s*(${method})\\s*\\(`, "g");
  let found;
  for (const m of body.matchAll(re)) {
    const open = m.index + m[0].length - 1;
    if (closingParen(body, open) === body.length - 1) found = { name: m.index + m[0].indexOf(method, 1), open };
  }
  return found;
}
function closingParen(s, open) {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      i = stringEnd(s, i);
      if (i < 0) return -1;
    } else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0) return c === ")" ? i : -1;
    }
  }
  return -1;
}
function stringEnd(s, i) {
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === "\\") j++;
    else if (s[j] === s[i]) return j;
  }
  return -1;
}
function splitArgs2(s) {
  if (s.includes("[[") || s.includes("[=")) return void 0;
  const out = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      i = stringEnd(s, i);
      if (i < 0) return void 0;
    } else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      out.push(s.slice(from, i).trim());
      from = i + 1;
    }
  }
  const last = s.slice(from).trim();
  if (last !== "" || out.length > 0) out.push(last);
  return out;
}
function positionIn(body, offset, span3) {
  const before = body.slice(0, offset).split("\n");
  const line = span3.startLine + before.length - 1;
  const column = before.length === 1 ? span3.startColumn + offset : before[before.length - 1].length + 1;
  return { startLine: line, startColumn: column };
}

// src/format/text.ts
var DEFAULT_WIDTH = 100;
var MIN_TEXT_WIDTH = 40;
var TAB_WIDTH = 4;
var MAX_SOURCE_WIDTH = 160;
var WINDOW_LEAD = 40;
var ESC = "\x1B[";
var STYLE = { red: "31", yellow: "33", cyan: "36", green: "32", gray: "90", bold: "1" };
var LEVEL_STYLE = { error: "red", warning: "yellow", note: "cyan" };
function failsRun(findings, failOn) {
  const threshold = levelRank(failOn);
  return findings.some((f) => levelRank(f.level) >= threshold);
}
function formatText(findings, opts) {
  const paint = (style, s) => opts.color && s !== "" ? `${ESC}${STYLE[style]}m${s}${ESC}0m` : s;
  const sorted = [...findings].sort(compareFindings);
  const out = [];
  let i = 0;
  while (i < sorted.length) {
    const file = sorted[i].location.file;
    let j = i;
    while (j < sorted.length && sorted[j].location.file === file) j++;
    const group = sorted.slice(i, j);
    i = j;
    out.push(paint("bold", sanitize(file)));
    const locWidth = Math.max(...group.map((f) => `${f.location.startLine}:${f.location.startColumn}`.length));
    for (const f of group) {
      const loc2 = `${f.location.startLine}:${f.location.startColumn}`.padEnd(locWidth);
      const level = paint(LEVEL_STYLE[f.level], f.level.padEnd(7));
      const indent = " ".repeat(2 + locWidth + 2 + 7 + 2);
      const { lead, rest } = splitLead(f.message);
      out.push(`  ${paint("gray", loc2)}  ${level}  ${sanitize(plainText(lead, f.related))}  ${paint("gray", f.ruleId)}`);
      const textWidth = Math.max(MIN_TEXT_WIDTH, (opts.width ?? DEFAULT_WIDTH) - indent.length);
      for (const line of wrap(sanitize(plainText(rest, f.related)), textWidth)) out.push(`${indent}${line}`);
      const text = opts.lineText(f.location.file, f.location.startLine);
      if (text !== void 0) {
        const { line, caretAt, caretWidth } = renderSource(text, f);
        out.push(`    ${line}`.trimEnd());
        const caret = caretWidth > 1 ? `^${"~".repeat(caretWidth - 1)}` : "^";
        out.push(`    ${" ".repeat(caretAt)}${paint(LEVEL_STYLE[f.level], caret)}`);
      }
      for (const r of [...f.related].sort((a, b) => a.id - b.id)) {
        out.push(`      \u21B3 ${paint("gray", `${sanitize(r.file)}:${r.startLine}:${r.startColumn}:`)} ${sanitize(r.message)}`);
      }
    }
    out.push("");
  }
  const counts = { error: 0, warning: 0, note: 0 };
  for (const f of sorted) counts[f.level]++;
  const files = plural3(opts.filesAnalyzed, "file");
  if (sorted.length === 0) {
    out.push(paint("green", `\u2714 No problems found in ${files} analyzed`));
  } else {
    const worst = counts.error > 0 ? "error" : counts.warning > 0 ? "warning" : "note";
    const summary = `\u2716 ${plural3(sorted.length, "problem")} (${plural3(counts.error, "error")}, ${plural3(counts.warning, "warning")}, ${plural3(counts.note, "note")}) in ${files} analyzed`;
    out.push(paint(LEVEL_STYLE[worst], paint("bold", summary)));
  }
  out.push(paint("gray", exitLine(sorted, opts.failOn)));
  return `${out.join("\n")}
`;
}
function exitLine(findings, failOn) {
  if (failOn === "none") return "exit 0: --fail-on none never fails on findings";
  return failsRun(findings, failOn) ? `exit 1: findings at or above --fail-on ${failOn}` : `exit 0: nothing at or above --fail-on ${failOn}`;
}
function plural3(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function wrap(text, width) {
  const lines = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/)) {
      if (word === "") continue;
      if (line !== "" && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line === "" ? word : `${line} ${word}`;
    }
    if (line !== "") lines.push(line);
  }
  return lines;
}
function renderSource(text, f) {
  const cells = [];
  let col = 0;
  let offset = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    let shown2;
    let width;
    if (cp === 9) {
      width = TAB_WIDTH - col % TAB_WIDTH;
      shown2 = " ".repeat(width);
    } else if (cp < 32 || cp >= 127 && cp <= 159) {
      shown2 = controlPicture(ch);
      width = 1;
    } else {
      shown2 = ch;
      width = charWidth(cp);
    }
    cells.push({ text: shown2, offset, col, width });
    col += width;
    offset += ch.length;
  }
  const lineWidth = col;
  const textLength = offset;
  const displayCol = (column) => {
    const u = column - 1;
    if (u >= textLength) return lineWidth + (u - textLength);
    let lo = 0;
    let hi = cells.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (cells[mid].offset <= u) lo = mid;
      else hi = mid - 1;
    }
    return cells[lo].col;
  };
  const { startColumn, endColumn, startLine, endLine } = f.location;
  let start2 = displayCol(Math.max(1, startColumn));
  let end = startLine === endLine ? displayCol(Math.max(endColumn, startColumn)) : start2 + 1;
  if (lineWidth <= MAX_SOURCE_WIDTH) {
    return { line: cells.map((c) => c.text).join(""), caretAt: start2, caretWidth: Math.max(1, end - start2) };
  }
  const from = Math.max(0, Math.min(start2 - WINDOW_LEAD, lineWidth - MAX_SOURCE_WIDTH));
  const to = from + MAX_SOURCE_WIDTH;
  const shown = cells.filter((c) => c.col >= from && c.col + c.width <= to);
  const head = from > 0 ? "\u2026" : "";
  const tail = to < lineWidth ? "\u2026" : "";
  const shift = (shown.length > 0 ? shown[0].col : from) - head.length;
  start2 = start2 - shift;
  end = Math.min(end, to) - shift;
  return { line: head + shown.map((c) => c.text).join("") + tail, caretAt: start2, caretWidth: Math.max(1, end - start2) };
}
function charWidth(cp) {
  const ch = String.fromCodePoint(cp);
  if (/[\p{Mn}\p{Me}\u200b-\u200f\u2060\ufeff]/u.test(ch)) return 0;
  if (cp >= 4352 && cp <= 4447 || cp >= 11904 && cp <= 12350 || cp >= 12353 && cp <= 13311 || cp >= 13312 && cp <= 19903 || cp >= 19968 && cp <= 40959 || cp >= 40960 && cp <= 42191 || cp >= 44032 && cp <= 55203 || cp >= 63744 && cp <= 64255 || cp >= 65072 && cp <= 65103 || cp >= 65280 && cp <= 65376 || cp >= 65504 && cp <= 65510 || cp >= 126976 && new RegExp("\\p{Extended_Pictographic}", "u").test(ch) || cp >= 131072 && cp <= 262141) {
    return 2;
  }
  return 1;
}

// src/report/render.ts
var FORMATS = ["text", "sarif", "json", "compact", "github"];
var POOLS_FORMATS = ["text", "json", "html"];
function renderReport(run2, format, opts) {
  const { findings } = run2;
  switch (format) {
    case "sarif":
      return formatSarif({
        findings: [...findings, ...run2.suppressed],
        rules: run2.rules.map((r) => r.meta),
        toolVersion: VERSION,
        informationUri: INFORMATION_URI,
        helpUriBase: RULE_DOCS_URI,
        warn: opts.warn,
        fixOf: (f) => fixOf(f, run2.sources)
      });
    case "json":
      return formatJson(findings, { toolVersion: VERSION, filesAnalyzed: run2.filesAnalyzed });
    case "compact":
      return formatCompact(findings);
    case "github":
      return formatGithub(findings);
    case "text":
      return formatText(findings, {
        color: opts.color,
        failOn: opts.failOn,
        filesAnalyzed: run2.filesAnalyzed,
        width: opts.width,
        lineText: (file, line) => run2.sources.get(file)?.lineText(line)
      });
  }
}
function renderPools(inventory, format, opts) {
  switch (format) {
    case "json":
      return formatPoolsJson(inventory, { toolVersion: VERSION, filesAnalyzed: opts.filesAnalyzed });
    case "html":
      return formatPoolsHtml(inventory, { toolVersion: VERSION, filesAnalyzed: opts.filesAnalyzed, linkBase: opts.linkBase });
    case "text":
      return formatPoolsText(inventory, { filesAnalyzed: opts.filesAnalyzed });
  }
}
function relativeLinkBase(fromDir, toDir) {
  return import_node_path19.default.relative(fromDir, toDir).split(import_node_path19.default.sep).join("/");
}

// src/report/write-atomically.ts
var import_node_crypto3 = require("node:crypto");
var import_node_fs16 = __toESM(require("node:fs"), 1);
var import_node_path20 = __toESM(require("node:path"), 1);

// src/report/temp-files.ts
var import_node_fs15 = __toESM(require("node:fs"), 1);
var pending = /* @__PURE__ */ new Set();
var SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
var installed = false;
function trackTemporary(file) {
  install();
  pending.add(file);
}
function untrackTemporary(file) {
  pending.delete(file);
  setImmediate(() => {
  });
}
function removeTemporary(file) {
  try {
    import_node_fs15.default.unlinkSync(file);
  } catch {
  }
  untrackTemporary(file);
}
function removeAll() {
  for (const file of [...pending]) removeTemporary(file);
}
function install() {
  if (installed) return;
  installed = true;
  process.on("exit", removeAll);
  for (const signal of SIGNALS) {
    const handler = () => {
      removeAll();
      process.removeListener(signal, handler);
      process.kill(process.pid, signal);
    };
    process.on(signal, handler);
  }
}

// src/report/write-atomically.ts
var WriteError = class extends Error {
  constructor(file, reason) {
    super(`cannot write ${file}: ${reason}`);
    this.file = file;
    this.reason = reason;
  }
  file;
  reason;
};
var REASONS = {
  ENOENT: "its directory does not exist",
  ENOTDIR: "a parent of it is not a directory",
  EISDIR: "it is a directory",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "name too long",
  EIO: "input/output error"
};
function reasonOf(e) {
  const code = e?.code;
  if (code && REASONS[code]) return REASONS[code];
  return code ?? String(e?.message ?? e);
}
function writeAtomically(file, content) {
  let stat;
  try {
    stat = import_node_fs16.default.statSync(file);
  } catch {
  }
  if (stat?.isDirectory()) throw new WriteError(file, REASONS.EISDIR);
  if (stat && !stat.isFile()) {
    try {
      import_node_fs16.default.writeFileSync(file, content);
    } catch (e) {
      throw new WriteError(file, reasonOf(e));
    }
    return;
  }
  const tmp = `${file}.${(0, import_node_crypto3.randomBytes)(8).toString("hex")}.tmp`;
  trackTemporary(tmp);
  try {
    import_node_fs16.default.writeFileSync(tmp, content, { flag: "wx" });
    import_node_fs16.default.renameSync(tmp, file);
    untrackTemporary(tmp);
  } catch (e) {
    removeTemporary(tmp);
    throw new WriteError(file, reasonOf(e));
  }
}
function makeParentDirectory(file) {
  try {
    makeDirectories(import_node_path20.default.dirname(file));
  } catch (e) {
    throw new WriteError(file, reasonOf(e));
  }
}

// src/pools/locations.ts
function site(u) {
  return { ...loc(u.location), unit: u.unit, function: u.functionName, client: u.client, via: u.via ?? "connect" };
}
function shortSite(u) {
  const base = site(u);
  if (u.mode === "unreleased") {
    const end = u.pathEnd ? loc(u.pathEnd) : void 0;
    const at2 = end ? ` at ${where(end)}` : "";
    const reason2 = u.via === "ngx.exit" ? `never released: ngx.exit/redirect/exec${at2} ends the handler before any set_keepalive() or close(); request cleanup closes it` : `never released: the path ends${at2} without set_keepalive() or close(); request cleanup closes it`;
    return { ...base, kind: "unreleased", reason: reason2, ...end ? { pathEnd: end } : {} };
  }
  const reason = u.implicit ? `${u.via}() closes the connection by itself` : `${u.via}() closes the connection on a normal path`;
  return { ...base, kind: "close", reason };
}
function poolFinding(f) {
  return { ruleId: f.ruleId, level: f.level, message: plainMessage(f), ...loc(f.location), fingerprint: f.fingerprint };
}
function loc(s) {
  return { file: s.file, line: s.startLine, column: s.startColumn };
}
function locKey(l) {
  return `${l.file}
${l.line}
${l.column}`;
}
function where(l) {
  return `${l.file}:${l.line}:${l.column}`;
}
function compareLoc(a, b) {
  return compareSpan({ file: a.file, startLine: a.line, startColumn: a.column, endLine: 0, endColumn: 0 }, { file: b.file, startLine: b.line, startColumn: b.column, endLine: 0, endColumn: 0 });
}
function dedupeSites(sites) {
  return dedupeBy(sites, (s) => `${locKey(s)}|${s.via}|${s.client}`).sort((a, b) => compareLoc(a, b) || cmp3(a.via, b.via) || cmp3(a.client, b.client));
}
function dedupeBy(list2, key) {
  const seen = /* @__PURE__ */ new Set();
  let w = 0;
  for (const item of list2) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    list2[w++] = item;
  }
  list2.length = w;
  return list2;
}
function uniqueSorted(list2) {
  return [...new Set(list2)].sort(cmp3);
}
function uniqueNumbers(list2) {
  return [...new Set(list2)];
}
function cmp3(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/pools/capacity.ts
function serverRows(pools, workers, workerAssumption) {
  const byServer = /* @__PURE__ */ new Map();
  for (const p of pools) {
    if (p.server.kind === "named" || p.server.kind === "symbolic") continue;
    const row = byServer.get(p.server.text) ?? { kind: p.server.kind, port: p.server.kind === "tcp" ? p.server.port : void 0, pools: [] };
    row.pools.push(p);
    byServer.set(p.server.text, row);
  }
  return [...byServer].sort(([a], [b]) => cmp3(a, b)).map(([server2, row]) => {
    const perWorker = row.pools.reduce((n, p) => n + p.capacity.perWorker, 0);
    const assumptions = row.pools.filter((p) => p.capacity.pooled && p.capacity.poolSizeAssumed).map((p) => `pool ${p.key}: pool_size ${p.capacity.poolSize} assumed (lua_socket_pool_size default)`);
    if (workerAssumption && perWorker > 0) assumptions.push(workerAssumption);
    return {
      server: server2,
      kind: row.kind,
      ...row.port !== void 0 ? { port: row.port } : {},
      pools: row.pools.map((p) => p.key),
      perWorker,
      workers,
      connections: workers === null ? null : workers * perWorker,
      formula: formula(workers, perWorker, row.pools.length > 1 ? row.pools.map((p) => p.capacity.perWorker) : void 0),
      assumptions
    };
  });
}
function redisRows(model, allServers, pools, named, workers, workerAssumption) {
  return [...model.redisServers].sort((a, b) => cmp3(a.file, b.file)).map((r) => {
    const assumptions = [];
    const port = r.port ?? DEFAULT_REDIS_PORT;
    if (r.port === void 0) assumptions.push(`${r.file} sets no port: Redis's default ${DEFAULT_REDIS_PORT} assumed`);
    const maxclients = r.maxclients ?? DEFAULT_REDIS_MAXCLIENTS;
    if (r.maxclients === void 0) assumptions.push(`${r.file} sets no maxclients: Redis's default ${DEFAULT_REDIS_MAXCLIENTS} assumed`);
    const servers = r.units ? scopedServers(allServers, pools, r.units) : allServers;
    const matched = servers.filter((s) => s.kind === "tcp" && s.port === port);
    if (matched.length > 0) assumptions.push(`servers matched by port ${port} only: ${matched.map((s) => s.server).join(", ")}`);
    for (const s of matched) for (const a of s.assumptions) if (!assumptions.includes(a)) assumptions.push(a);
    if (named.length > 0) assumptions.push(`named pools are not counted (their server is not part of the key): ${named.join(", ")}`);
    const perWorker = matched.reduce((n, s) => n + s.perWorker, 0);
    const connections = workers === null ? null : workers * perWorker;
    if (workerAssumption && perWorker > 0 && !assumptions.includes(workerAssumption)) assumptions.push(workerAssumption);
    return {
      file: r.file,
      port,
      maxclients,
      maxclientsAssumed: r.maxclients === void 0,
      servers: matched.map((s) => s.server),
      perWorker,
      workers,
      connections,
      formula: formula(workers, perWorker, matched.length > 1 ? matched.map((s) => s.perWorker) : void 0),
      exceeds: connections !== null ? connections > maxclients : perWorker === 0 ? false : null,
      ...connections === null && perWorker > 0 ? { exceedsWhen: `W > ${Math.floor(maxclients / perWorker)}` } : {},
      assumptions
    };
  });
}
function scopedServers(servers, pools, units) {
  const used = (p) => [...p.connects, ...p.long, ...p.short, ...p.errorPath].some((s) => units.has(s.unit));
  return servers.flatMap((s) => {
    const mine = pools.filter((p) => s.pools.includes(p.key) && used(p));
    return mine.length === 0 ? [] : [{ ...s, pools: mine.map((p) => p.key), perWorker: mine.reduce((n, p) => n + p.capacity.perWorker, 0) }];
  });
}
function formula(workers, perWorker, allParts) {
  if (perWorker === 0) return "0 (nothing pooled)";
  const kept = allParts?.filter((n) => n > 0);
  const parts = kept && kept.length > 1 ? kept : void 0;
  const size = parts ? `(${parts.join(" + ")})` : String(perWorker);
  if (workers === null) return parts ? `W \xD7 ${size} = W \xD7 ${perWorker}` : `W \xD7 ${size}`;
  return `${workers} \xD7 ${size} = ${workers * perWorker}`;
}

// src/pools/entry-graph.ts
var EntryReach = class {
  /** unit → the units that require it. */
  requiredBy = /* @__PURE__ */ new Map();
  /** unit → the units it requires (resolved to scanned units). */
  requires = /* @__PURE__ */ new Map();
  units;
  memo = /* @__PURE__ */ new Map();
  constructor(units) {
    this.units = new Map(units.map((u) => [u.path, u]));
    for (const u of units) {
      for (const target of u.requires) {
        const set = this.requiredBy.get(target) ?? /* @__PURE__ */ new Set();
        set.add(u.path);
        this.requiredBy.set(target, set);
      }
      this.requires.set(u.path, [...u.requires].sort(cmp3));
    }
  }
  /** The unit itself and every unit that requires it, directly or not. */
  ancestors(unit) {
    const seen = /* @__PURE__ */ new Set([unit]);
    const queue = [unit];
    for (let i = 0; i < queue.length; i++) {
      for (const p of [...this.requiredBy.get(queue[i]) ?? []].sort(cmp3)) {
        if (seen.has(p)) continue;
        seen.add(p);
        queue.push(p);
      }
    }
    return queue;
  }
  /** The directives that run the unit itself. */
  entriesHere(unit) {
    return this.units.get(unit)?.entries ?? [];
  }
  entriesOf(unit) {
    const cached = this.memo.get(unit);
    if (cached) return cached;
    const out = [];
    for (const u of this.ancestors(unit)) for (const e of this.units.get(u)?.entries ?? []) out.push(entry(e, u));
    this.memo.set(unit, out);
    return out;
  }
};
function entry(e, unit) {
  return { directive: e.directive, phase: e.phase, cosocketAllowed: e.cosocketAllowed, ...loc(e.location), unit };
}
function buildGraph(pools, reach2) {
  const nodes = /* @__PURE__ */ new Map();
  const edges = /* @__PURE__ */ new Map();
  const addEdge = (from, to, kind) => edges.set(`${from}
${to}
${kind}`, { from, to, kind });
  const unitId = (u) => `unit:${u}`;
  const relevant = /* @__PURE__ */ new Set();
  for (const p of pools) {
    const poolId = `pool:${p.key}`;
    nodes.set(poolId, { id: poolId, kind: "pool", label: p.family ? `${p.family.expression} [${p.family.from}]` : p.key });
    const add = (sites, kind) => {
      for (const s of sites) {
        addEdge(unitId(s.unit), poolId, kind);
        for (const a of reach2.ancestors(s.unit)) relevant.add(a);
      }
    };
    add(p.long, "long");
    add(p.short, "short");
    add(p.errorPath, "error");
    for (const c of p.connects) for (const a of reach2.ancestors(c.unit)) relevant.add(a);
  }
  for (const u of relevant) {
    nodes.set(unitId(u), { id: unitId(u), kind: "unit", label: u });
    for (const t of reach2.requires.get(u) ?? []) if (relevant.has(t)) addEdge(unitId(u), unitId(t), "requires");
    for (const e of reach2.entriesHere(u)) {
      const at2 = loc(e.location);
      const id = `entry:${where(at2)}`;
      nodes.set(id, { id, kind: "entry", label: e.directive, phase: e.phase, at: at2 });
      addEdge(id, unitId(u), "runs");
    }
  }
  const kindRank = { entry: 0, unit: 1, pool: 2 };
  const edgeRank = { runs: 0, requires: 1, long: 2, short: 3, error: 4 };
  return {
    nodes: [...nodes.values()].sort((a, b) => kindRank[a.kind] - kindRank[b.kind] || (a.kind === "entry" && b.kind === "entry" ? compareLoc(a.at, b.at) : 0) || cmp3(a.id, b.id)),
    edges: [...edges.values()].sort((a, b) => edgeRank[a.kind] - edgeRank[b.kind] || cmp3(a.from, b.from) || cmp3(a.to, b.to))
  };
}

// src/pools/server-info.ts
function serverInfo(key) {
  const server2 = key.server;
  if (key.family) return server2.kind === "named" ? { kind: "named", text: "named pool" } : { kind: "symbolic", text: server2.kind === "tcp" ? `${bytesToUtf8(server2.host)}:${bytesToUtf8(server2.port)}` : `unix:${bytesToUtf8(server2.path)}` };
  switch (server2.kind) {
    case "tcp": {
      const host = bytesToUtf8(server2.host);
      const port = bytesToUtf8(server2.port);
      if (/^\d+$/.test(port)) return { kind: "tcp", text: `${host}:${port}`, host, port: Number(port) };
      return { kind: "symbolic", text: `${host}:${port}` };
    }
    case "unix": {
      const path22 = bytesToUtf8(server2.path);
      return { kind: "unix", text: `unix:${path22}`, path: path22 };
    }
    case "named":
      return { kind: "named", text: "named pool" };
  }
}

// src/pools/build-inventory.ts
function buildPoolInventory(model, findings) {
  const reach2 = new EntryReach(model.units);
  const wp = model.nginx.workerProcesses;
  const workers = wp && /^\d+$/.test(wp.value) && Number(wp.value) > 0 ? Number(wp.value) : null;
  const workerAssumption = workers !== null ? void 0 : wp ? `worker_processes ${wp.value}: the number of workers is a parameter W (auto = one per CPU core)` : "no worker_processes in the nginx configuration read: the number of workers is a parameter W (nginx runs 1 when its main config sets none)";
  const byKey = /* @__PURE__ */ new Map();
  const group = (key) => {
    let g = byKey.get(key.text);
    if (!g) byKey.set(key.text, g = { key, symbolic: key.symbolic, uses: [], connects: [] });
    g.symbolic ||= key.symbolic;
    return g;
  };
  const unknownSites = [];
  for (const u of model.poolUses) {
    if (u.key) group(u.key).uses.push(u);
    else unknownSites.push({ ...site(u), mode: u.mode, errorPath: u.errorPath });
  }
  for (const c of model.connects) group(c.key).connects.push(c);
  const pools = [];
  for (const [keyText, g] of [...byKey].sort(([a], [b]) => cmp3(a, b))) {
    if (g.key.family?.origin.kind === "function" && g.uses.length === 0) continue;
    const key = bytesToUtf8(keyText);
    const clients = uniqueSorted([...g.uses.map((u) => u.client), ...g.connects.map((c) => c.client)]);
    const long = dedupeSites(g.uses.filter((u) => u.mode === "long").map(site));
    const short = dedupeSites(g.uses.filter((u) => u.mode !== "long" && !u.errorPath).map(shortSite));
    const errorPath = dedupeSites(g.uses.filter((u) => u.mode !== "long" && u.errorPath).map((u) => ({ ...site(u), ...u.errorOp ? { errorOp: u.errorOp } : {} })));
    const connects = dedupeSites(g.connects.map((c) => ({ ...site(c), via: "connect" })));
    const assumptions = [];
    const poolSizes = [
      ...g.uses.filter((u) => u.mode === "long" && !u.implicit && u.poolSize !== void 0).map((u) => ({ size: u.poolSize ?? null, source: "set_keepalive", at: loc(u.location) })),
      ...g.connects.filter((c) => c.poolSize !== void 0).map((c) => ({ size: c.poolSize ?? null, source: "connect opts.pool_size", at: loc(c.location) }))
    ];
    dedupeBy(poolSizes, (p) => `${locKey(p.at)}|${p.source}`);
    poolSizes.sort((a, b) => compareLoc(a.at, b.at) || cmp3(a.source, b.source));
    const literal2 = poolSizes.filter((p) => p.size !== null);
    for (const p of poolSizes.filter((x) => x.size === null)) assumptions.push(`pool_size at ${where(p.at)} is not a literal number: not counted`);
    let poolSize;
    const poolSizeAssumed = literal2.length === 0;
    if (poolSizeAssumed) {
      poolSize = DEFAULT_POOL_SIZE;
      assumptions.push(`no literal pool_size in the code: lua_socket_pool_size's default ${DEFAULT_POOL_SIZE} assumed (a lua_socket_pool_size in nginx.conf is not read)`);
    } else {
      poolSize = literal2[0].size;
      const distinct = uniqueNumbers(literal2.map((p) => p.size));
      if (distinct.length > 1) {
        assumptions.push(`pool_size differs (${distinct.join(", ")}): the first by location, ${poolSize} at ${where(literal2[0].at)}, is assumed; the pool is sized by whichever call runs first`);
      }
    }
    const idleTimeouts = [];
    for (const u of g.uses) {
      if (u.mode !== "long") continue;
      if (u.implicit) {
        idleTimeouts.push({ ms: null, inherited: false, at: loc(u.location) });
        continue;
      }
      if (u.timeoutMs === void 0) {
        idleTimeouts.push({ ms: model.nginx.keepaliveTimeoutMs.get(u.unit) ?? model.nginx.defaultKeepaliveTimeoutMs, inherited: true, at: loc(u.location) });
      } else idleTimeouts.push({ ms: u.timeoutMs, inherited: false, at: loc(u.location) });
    }
    dedupeBy(idleTimeouts, (t) => locKey(t.at));
    idleTimeouts.sort((a, b) => compareLoc(a.at, b.at));
    for (const t of idleTimeouts) {
      if (t.ms === null) assumptions.push(`idle timeout at ${where(t.at)} is not a literal number: unknown`);
    }
    const pooled = long.length > 0;
    const perWorker = pooled ? poolSize : 0;
    if (!pooled) assumptions.push("no site returns connections to this pool: it keeps none (each request opens its own connection, not bounded by pool_size)");
    if (pooled && workerAssumption) assumptions.push(workerAssumption);
    const capacity = {
      workers,
      poolSize,
      poolSizeAssumed,
      pooled,
      perWorker,
      connections: workers === null ? null : workers * perWorker,
      formula: pooled ? formula(workers, perWorker) : "not pooled"
    };
    const siteUnits = uniqueSorted([...long, ...short, ...errorPath, ...connects].map((s) => s.unit));
    const entries = dedupeBy(siteUnits.flatMap((u) => reach2.entriesOf(u)), locKey).sort(compareLoc);
    const spans = new Set([...long, ...short, ...errorPath, ...connects].map(locKey));
    const touching = findings.filter((f) => spans.has(locKey(loc(f.location))) || f.related.some((r) => spans.has(locKey(loc(r)))));
    const family = g.key.family;
    pools.push({
      key,
      symbolic: g.symbolic,
      ...family ? { family: { expression: bytesToUtf8(family.expression), origin: family.origin.kind, file: family.origin.file, function: family.origin.function, from: describeOrigin(family.origin) } } : {},
      clients,
      server: serverInfo(g.key),
      poolSizes,
      idleTimeouts,
      connects,
      long,
      short,
      errorPath,
      entries,
      findings: [...touching].sort(compareFindings).map(poolFinding),
      capacity,
      assumptions
    });
  }
  const bare = serverRows(pools, workers, workerAssumption);
  const named = pools.filter((p) => p.server.kind === "named" && p.capacity.pooled).map((p) => p.key);
  const redis = redisRows(model, bare, pools, named, workers, workerAssumption);
  const servers = bare.map(({ assumptions, ...s }) => {
    const conf = redis.find((x) => x.servers.includes(s.server))?.file;
    return { ...s, ...conf !== void 0 ? { redisConf: conf } : {}, assumptions };
  });
  unknownSites.sort((a, b) => compareLoc(a, b) || cmp3(a.mode, b.mode));
  const unknown = dedupeBy(unknownSites, (s) => `${locKey(s)}|${s.mode}|${s.via}`);
  return {
    nginx: {
      workerProcesses: wp ? { value: wp.value, ...loc(wp.location) } : null,
      workers,
      keepaliveTimeoutMs: model.nginx.defaultKeepaliveTimeoutMs
    },
    pools,
    families: pools.filter((p) => p.family).length,
    unknown: { count: unknown.length, sites: unknown },
    servers,
    redis,
    graph: buildGraph(pools, reach2),
    notes: [...INVENTORY_NOTES]
  };
}

// src/action/action.ts
var MATCHER_FILE = import_node_path21.default.join(".github", "resty-lint-matcher.json");
var InputError = class extends Error {
};
function getInput(env, name) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function splitPaths(value) {
  const parts = value.includes("\n") ? value.split(/\r?\n/).map((l) => l.trim()) : value.split(/\s+/);
  return parts.filter((p) => p !== "");
}
function readInputs(env) {
  const failOn = getInput(env, "fail-on") || "warning";
  if (failOn !== "none" && !LEVELS.includes(failOn)) {
    throw new InputError(`input fail-on must be error, warning, note or none, got "${failOn}"`);
  }
  const annotations = (getInput(env, "annotations") || "on").toLowerCase();
  if (!["on", "off", "true", "false"].includes(annotations)) {
    throw new InputError(`input annotations must be on or off, got "${annotations}"`);
  }
  const paths = splitPaths(getInput(env, "paths"));
  return {
    paths: paths.length > 0 ? paths : ["."],
    config: getInput(env, "config") || void 0,
    failOn,
    sarifFile: getInput(env, "sarif-file") || "resty-lint.sarif",
    annotations: annotations === "on" || annotations === "true",
    htmlReport: getInput(env, "html-report") || void 0
  };
}
function runAction(io) {
  const out = io.stdout;
  let inputs;
  let result;
  const workspace = io.env.GITHUB_WORKSPACE || io.cwd;
  try {
    inputs = readInputs(io.env);
    result = analyzeProject(workspace, {
      paths: inputs.paths,
      config: inputs.config,
      nginxConf: [],
      rules: io.rules,
      onWarning: (message) => out(`::warning::${escapeData(`resty-lint: ${message}`)}
`)
    });
  } catch (e) {
    if (e instanceof InputError || e instanceof MissingPathError) {
      out(`::error::${escapeData(`resty-lint: ${e.message}`)}
`);
      return 2;
    }
    if (e instanceof ConfigError) {
      out(`::error::${escapeData(`resty-lint: configuration error: ${e.message}`)}
`);
      return 2;
    }
    io.stderr(`resty-lint: internal error: ${e.stack ?? e}
`);
    out(`::error::${escapeData(`resty-lint: internal error: ${e.message ?? e}`)}
`);
    return 2;
  }
  try {
    return report(io, inputs, result, workspace);
  } catch (e) {
    if (!(e instanceof WriteError)) throw e;
    out(`::error::${escapeData(`resty-lint: ${e.message}`)}
`);
    return 2;
  }
}
function report(io, inputs, result, workspace) {
  const out = io.stdout;
  const { findings } = result;
  const fails = failsRun(findings, inputs.failOn);
  const sarifPath = import_node_path21.default.resolve(workspace, inputs.sarifFile);
  makeParentDirectory(sarifPath);
  writeAtomically(sarifPath, renderReport(result, "sarif", { failOn: inputs.failOn, color: false, warn: io.stderr }));
  if (inputs.annotations) {
    out(
      formatGithub(findings, {
        moreHint: `every finding is in this step's log and in ${inputs.sarifFile}`,
        reserved: fails ? { error: 1 } : {}
      })
    );
  }
  const token = `resty-lint-${(0, import_node_crypto4.randomUUID)()}`;
  out(`::group::resty-lint report (${plural4(findings.length, "finding")})
::stop-commands::${token}
`);
  out(renderReport(result, "text", { failOn: inputs.failOn, color: false }));
  out(`::${token}::
::endgroup::
`);
  const inventory = buildPoolInventory(result.model, findings);
  if (inputs.htmlReport) {
    const htmlPath = import_node_path21.default.resolve(workspace, inputs.htmlReport);
    makeParentDirectory(htmlPath);
    const linkBase = relativeLinkBase(import_node_path21.default.dirname(htmlPath), workspace);
    writeAtomically(htmlPath, renderPools(inventory, "html", { filesAnalyzed: result.filesAnalyzed, linkBase }));
    out(`resty-lint: pools report (${plural4(inventory.pools.length, "pool")}) written to ${inputs.htmlReport}
`);
  }
  writeOutputs(io, { "sarif-file": inputs.sarifFile, findings: String(findings.length) });
  if (io.env.GITHUB_STEP_SUMMARY) {
    import_node_fs17.default.appendFileSync(io.env.GITHUB_STEP_SUMMARY, stepSummary(findings, result.filesAnalyzed, inputs, fails) + formatPoolsMarkdown(inventory));
  }
  if (inputs.annotations) {
    const matcher = import_node_path21.default.join(io.actionDir, MATCHER_FILE);
    if (import_node_fs17.default.existsSync(matcher)) out(`::add-matcher::${matcher}
`);
    else io.stderr(`resty-lint: problem matcher ${matcher} not found; not registered
`);
  }
  if (result.internalErrors > 0) {
    out(`::error::${escapeData(`resty-lint: internal error on ${plural4(result.internalErrors, "file")} (reported as internal-error); the results are incomplete`)}
`);
    return 2;
  }
  if (fails) {
    const atOrAbove = findings.filter((f) => levelRank(f.level) >= levelRank(inputs.failOn)).length;
    out(`::error::${escapeData(`resty-lint: ${plural4(atOrAbove, "finding")} at or above fail-on level "${inputs.failOn}" (${breakdown(findings)})`)}
`);
    return 1;
  }
  return 0;
}
function writeOutputs(io, outputs) {
  const file = io.env.GITHUB_OUTPUT;
  if (!file) {
    io.stderr("resty-lint: GITHUB_OUTPUT is not set; outputs not written\n");
    return;
  }
  let text = "";
  for (const [name, value] of Object.entries(outputs)) {
    const delimiter = `ghadelimiter_${(0, import_node_crypto4.randomUUID)()}`;
    if (value.includes(delimiter)) throw new Error(`output ${name} contains its delimiter`);
    text += `${name}<<${delimiter}
${value}
${delimiter}
`;
  }
  import_node_fs17.default.appendFileSync(file, text);
}
function stepSummary(findings, filesAnalyzed, inputs, fails) {
  const lines = ["## resty-lint", ""];
  if (findings.length === 0) {
    lines.push(`No findings in ${plural4(filesAnalyzed, "file")} analyzed.`);
  } else {
    lines.push(
      `**${plural4(findings.length, "finding")}** (${breakdown(findings)}) in ${plural4(filesAnalyzed, "file")} analyzed; ` + (fails ? `the step fails (fail-on: ${inputs.failOn}).` : `nothing at or above fail-on: ${inputs.failOn}.`),
      "",
      "| Rule | Level | Findings | Top locations |",
      "| --- | --- | ---: | --- |"
    );
    const byRule = /* @__PURE__ */ new Map();
    for (const f of [...findings].sort(compareFindings)) {
      const list2 = byRule.get(f.ruleId) ?? [];
      list2.push(f);
      byRule.set(f.ruleId, list2);
    }
    const worst = (list2) => Math.max(...list2.map((f) => levelRank(f.level)));
    const rows = [...byRule].sort(([a, x], [b, y]) => worst(y) - worst(x) || y.length - x.length || (a < b ? -1 : a > b ? 1 : 0));
    for (const [ruleId, list2] of rows) {
      const level = LEVELS.find((l) => levelRank(l) === worst(list2));
      const top = list2.slice(0, 3).map((f) => mdText2(`${f.location.file}:${f.location.startLine}`));
      if (list2.length > 3) top.push(`and ${list2.length - 3} more`);
      lines.push(`| \`${ruleId}\` | ${level} | ${list2.length} | ${top.join(", ")} |`);
    }
  }
  lines.push("", `Full report: ${mdText2(inputs.sarifFile)} (SARIF 2.1.0).`, "");
  return `${lines.join("\n")}
`;
}
function mdText2(s) {
  return s.replace(/[\\`*_{}[\]()<>#+!|~&]/g, "\\$&").replace(/[\r\n]+/g, " ");
}
function breakdown(findings) {
  return LEVELS.map((l) => plural4(findings.filter((f) => f.level === l).length, l)).join(", ");
}
function plural4(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// src/cli/cli.ts
var import_node_path23 = __toESM(require("node:path"), 1);

// src/fix/apply-fixes.ts
var import_node_fs18 = __toESM(require("node:fs"), 1);
var import_node_path22 = __toESM(require("node:path"), 1);

// src/fix/apply-edits.ts
function applyEdits(text, edits) {
  const starts = lineStarts(text);
  const offset = (line, column) => (starts[line - 1] ?? text.length) + column - 1;
  const ranges = edits.map((e) => ({ from: offset(e.location.startLine, e.location.startColumn), to: offset(e.location.endLine, e.location.endColumn), text: e.text })).sort((a, b) => b.from - a.from || b.to - a.to);
  let out = text;
  let limit = Infinity;
  let applied = 0;
  for (const r of ranges) {
    if (r.to > limit || r.from > r.to) continue;
    out = out.slice(0, r.from) + r.text + out.slice(r.to);
    limit = r.from;
    applied++;
  }
  return { text: out, applied, skipped: ranges.length - applied };
}
function lineStarts(text) {
  const starts = [text.charCodeAt(0) === 65279 ? 1 : 0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

// src/fix/apply-fixes.ts
function applyFixes(root, findings, sources, write) {
  const byFile = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const fix = fixOf(f, sources);
    if (!fix || fix.edits.length !== 1) continue;
    const file = fix.edits[0].location.file;
    byFile.set(file, [...byFile.get(file) ?? [], ...fix.edits]);
  }
  let applied = 0;
  const files = [];
  for (const [file, edits] of [...byFile].sort((a, b) => a[0] < b[0] ? -1 : 1)) {
    const abs = import_node_path22.default.resolve(root, file);
    const bytes = import_node_fs18.default.readFileSync(abs);
    const text = bytes.toString("utf8");
    if (!Buffer.from(text, "utf8").equals(bytes)) continue;
    const r = applyEdits(text, edits);
    const out = r.text;
    const n = r.applied;
    if (n === 0 || out === text) continue;
    write(abs, out);
    applied += n;
    files.push(file);
  }
  return { applied, files };
}

// src/cli/args.ts
var HELP = `Usage: resty-lint [paths...] [options]
       resty-lint --pre-commit [options] [files...]
       resty-lint pools [paths...] [--format text|json|html] [--output file]
       resty-lint lsp --stdio

Finds connection-pool misuse in OpenResty Lua code (resty.redis and other cosocket clients).
Paths are files or directories (default: .); node_modules, .git and what git ignores are skipped.
'resty-lint pools' lists every connection pool instead (resty-lint pools --help); to analyze a directory
named pools, write ./pools. 'resty-lint lsp --stdio' is a language server for editors (README: In the editor).

Options:
  -f, --format <text|sarif|json|compact|github>
                                          output format (default: text); github prints GitHub Actions
                                          annotations (at most 10 per level, most important first)
  -c, --config <file>                     config file (default: .resty-lint.json/.yaml/.yml here or above)
      --nginx-conf <file>                 an nginx config to read besides those found (repeatable)
  -o, --output <file>                     write the report to a file instead of stdout (- is stdout)
      --fail-on <error|warning|note|none> lowest level that makes the exit code 1 (default: warning)
      --cache <dir> / --no-cache          per-file facts cache (default: node_modules/.cache/resty-lint when
                                          node_modules exists, or cacheDir from the config file)
      --baseline <file>                   report only findings that are not in this baseline file
      --write-baseline <file>             record the current findings in a baseline file (exit 0)
      --report-only <file>                analyze all the paths, but report (and count for the exit code) only
                                          findings located in this file or pointing into it (repeatable)
      --pre-commit                        for pre-commit hooks: the arguments that are not options are the
                                          files to report on (as with --report-only), and the project analyzed
                                          is the current directory
      --fix                               apply the mechanical fixes (SARIF \`fixes\`) to the files, then
                                          report what remains
      --color / --no-color                force colors on or off (default: on for a TTY, off with NO_COLOR)
  -v, --version                           print the version
  -h, --help                              print this help

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above --fail-on, 2 usage error or internal failure.
`;
var POOLS_HELP = `Usage: resty-lint pools [paths...] [options]

Lists every connection pool of the code: its key, client, server, pool_size and idle timeouts, the sites that
return its connections (set_keepalive), close them or never release them, the nginx entry points that reach
it, the findings that touch it, and the connections the pools may keep open against a Redis maxclients.
Numbers that rest on an assumption (worker_processes auto, a default pool_size, a default maxclients) say so.

Options:
  -f, --format <text|json|html>   output format (default: text); html is one self-contained page
  -o, --output <file>             write to a file instead of stdout (- is stdout; html source links are
                                  relative to the file)
  -c, --config <file>             config file (default: .resty-lint.json/.yaml/.yml here or above)
      --nginx-conf <file>         an nginx config to read besides those found (repeatable)
  -h, --help                      print this help

Exit codes: 0 the inventory was written (findings do not change it), 2 usage or configuration error.
`;
var UsageError = class extends Error {
};
var VALUE_OPTIONS = /* @__PURE__ */ new Set(["-f", "--format", "-o", "--output", "-c", "--config", "--nginx-conf", "--fail-on", "--report-only", "--baseline", "--write-baseline", "--cache"]);
function poolsCommandIndex(argv) {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") return -1;
    if (a.startsWith("-") && a !== "-") {
      if (VALUE_OPTIONS.has(a)) i++;
      continue;
    }
    return a === "pools" ? i : -1;
  }
  return -1;
}
function scanArgs(argv, paths, option, command) {
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline;
    const eq = arg.indexOf("=");
    if (arg.startsWith("--") && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (arg === "--") {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      paths.push(arg);
      continue;
    }
    const name = arg;
    let took = false;
    const take = () => {
      took = true;
      let v = inline;
      if (v === void 0) {
        v = argv[i + 1];
        if (v === void 0 || v.startsWith("-") && v !== "-") throw new UsageError(`${name} needs a value`);
        i++;
      }
      if (v === "") throw new UsageError(`${name} needs a value (got an empty string)`);
      return v;
    };
    const stop = option(name, take);
    if (stop === false) throw new UsageError(`unknown option ${name}${command}`);
    if (inline !== void 0 && !took) throw new UsageError(`${name} takes no value (got "${name}=${inline}")`);
    if (stop !== void 0) return stop;
  }
  return void 0;
}
function oneOf(value, allowed, what) {
  if (!allowed.includes(value)) throw new UsageError(`unknown ${what} "${value}" (expected one of: ${allowed.join(", ")})`);
  return value;
}
function commonOption(opts, name, take) {
  switch (name) {
    case "-o":
    case "--output": {
      const out = take();
      opts.output = out === "-" ? void 0 : out;
      return true;
    }
    case "-c":
    case "--config":
      opts.config = take();
      return true;
    case "--nginx-conf":
      opts.nginxConf.push(take());
      return true;
    default:
      return false;
  }
}
function parsePoolsArgs(argv) {
  const opts = { paths: [], format: "text", nginxConf: [] };
  const stop = scanArgs(argv, opts.paths, (name, take) => {
    if (name === "-h" || name === "--help") return "help";
    if (name === "-f" || name === "--format") opts.format = oneOf(take(), POOLS_FORMATS, "pools format");
    else if (!commonOption(opts, name, take)) return false;
    return void 0;
  }, " for 'resty-lint pools'");
  return stop ?? opts;
}
function parseArgs(argv) {
  const opts = { paths: [], format: "text", failOn: "warning", nginxConf: [], preCommit: false };
  const stop = scanArgs(argv, opts.paths, (name, take) => {
    switch (name) {
      case "-h":
      case "--help":
        return "help";
      case "-v":
      case "--version":
        return "version";
      case "-f":
      case "--format":
        opts.format = oneOf(take(), FORMATS, "format");
        break;
      case "--fail-on": {
        const f = take();
        if (f !== "none" && !LEVELS.includes(f)) throw new UsageError(`unknown --fail-on level "${f}" (expected error, warning, note or none)`);
        opts.failOn = f;
        break;
      }
      case "--report-only":
        (opts.reportOnly ??= []).push(take());
        break;
      case "--pre-commit":
        opts.preCommit = true;
        break;
      case "--cache":
        opts.cache = take();
        break;
      case "--no-cache":
        opts.cache = false;
        break;
      case "--baseline":
        opts.baseline = take();
        break;
      case "--write-baseline":
        opts.writeBaseline = take();
        break;
      case "--fix":
        opts.fix = true;
        break;
      case "--color":
        opts.color = true;
        break;
      case "--no-color":
        opts.color = false;
        break;
      default:
        if (!commonOption(opts, name, take)) return false;
    }
    return void 0;
  }, "");
  if (stop) return stop;
  if (opts.preCommit) {
    opts.reportOnly = [...opts.reportOnly ?? [], ...opts.paths];
    opts.paths = [];
  }
  return opts;
}

// src/cli/cli.ts
var EXIT_OK = 0;
var EXIT_FINDINGS = 1;
var EXIT_ERROR = 2;
function runCli(argv, io) {
  const pools = poolsCommandIndex(argv);
  if (pools >= 0) return runPoolsCommand([...argv.slice(0, pools), ...argv.slice(pools + 1)], io);
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`resty-lint: ${e.message}
Run 'resty-lint --help' for usage.
`);
      return EXIT_ERROR;
    }
    throw e;
  }
  if (opts === "help") {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (opts === "version") {
    io.stdout(`${VERSION}
`);
    return EXIT_OK;
  }
  return guarded(io, () => run(opts, io));
}
function guarded(io, body) {
  try {
    return body();
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`resty-lint: configuration error: ${e.message}
`);
      return EXIT_ERROR;
    }
    if (e instanceof WriteError) {
      io.stderr(`resty-lint: ${e.message}
`);
      return EXIT_ERROR;
    }
    io.stderr(`resty-lint: internal error: ${e.stack ?? e}
`);
    return EXIT_ERROR;
  }
}
function runPoolsCommand(argv, io) {
  let opts;
  try {
    opts = parsePoolsArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`resty-lint: ${e.message}
Run 'resty-lint pools --help' for usage.
`);
      return EXIT_ERROR;
    }
    throw e;
  }
  if (opts === "help") {
    io.stdout(POOLS_HELP);
    return EXIT_OK;
  }
  const pools = opts;
  return guarded(io, () => {
    let result;
    try {
      result = analyzeProject(io.cwd, { ...pools, rules: io.rules, onWarning: warner(io) });
    } catch (e) {
      if (!(e instanceof MissingPathError)) throw e;
      io.stderr(`resty-lint: ${e.message}
`);
      return EXIT_ERROR;
    }
    const inventory = buildPoolInventory(result.model, result.findings);
    const output = pools.output ? import_node_path23.default.resolve(io.cwd, pools.output) : void 0;
    const linkBase = output ? relativeLinkBase(import_node_path23.default.dirname(output), result.root) : "";
    const report2 = renderPools(inventory, pools.format, { filesAnalyzed: result.filesAnalyzed, linkBase });
    if (output) {
      writeAtomically(output, report2);
      io.stderr(`resty-lint: ${inventory.pools.length} pool(s)${inventory.unknown.count > 0 ? ` and ${inventory.unknown.count} use(s) with an unknown pool` : ""} written to ${pools.output}
`);
    } else {
      io.stdout(report2);
    }
    return EXIT_OK;
  });
}
function warner(io) {
  return (message) => io.stderr(`resty-lint: warning: ${message}
`);
}
function progressReporter(io) {
  if (!io.stderrIsTTY) return void 0;
  const start2 = Date.now();
  let shown = false;
  return (done, total) => {
    if (Date.now() - start2 < 1e3 && !shown) return;
    shown = true;
    io.stderr(done === total ? "\r\x1B[K" : `\rresty-lint: ${done}/${total} files`);
  };
}
function run(opts, io) {
  let result;
  try {
    result = analyzeProject(io.cwd, { ...opts, rules: io.rules, onProgress: progressReporter(io), onWarning: warner(io) });
    if (opts.fix) {
      const fixed = applyFixes(result.root, result.findings, result.sources, writeAtomically);
      io.stderr(`resty-lint: ${fixed.applied} fix(es) applied in ${fixed.files.length} file(s)${fixed.files.length > 0 ? `: ${fixed.files.join(", ")}` : ""}
`);
      if (fixed.applied > 0) result = analyzeProject(io.cwd, { ...opts, rules: io.rules, onWarning: warner(io) });
    }
  } catch (e) {
    if (!(e instanceof MissingPathError) && !(e instanceof BaselineError)) throw e;
    io.stderr(`resty-lint: ${e.message}
`);
    return EXIT_ERROR;
  }
  if (!opts.preCommit) {
    for (const f of result.notAnalyzed) io.stderr(`resty-lint: warning: --report-only ${f}: this file was not analyzed (no such file, or not a Lua or nginx file under the analyzed paths), so nothing is reported on it
`);
  }
  if (opts.writeBaseline) {
    writeAtomically(import_node_path23.default.resolve(io.cwd, opts.writeBaseline), formatBaseline(result.findings));
    io.stderr(`resty-lint: ${result.findings.length} finding(s) recorded in ${opts.writeBaseline}; later runs with --baseline report only new ones
`);
    return EXIT_OK;
  }
  const findings = result.findings;
  const fails = failsRun(findings, opts.failOn);
  const color = opts.color ?? (io.isTTY && !opts.output && !io.env.NO_COLOR && opts.format === "text");
  const report2 = renderReport(result, opts.format, { failOn: opts.failOn, color, width: opts.output ? void 0 : io.columns, warn: io.stderr });
  if (opts.output) {
    writeAtomically(import_node_path23.default.resolve(io.cwd, opts.output), report2);
    if (opts.format !== "text") io.stderr(summaryLine(findings.map((f) => f.level), result.filesAnalyzed, opts.output, fails, opts.failOn));
  } else {
    io.stdout(report2);
  }
  if (result.internalErrors > 0) {
    io.stderr(`resty-lint: internal error on ${result.internalErrors} file(s) (reported as internal-error); the results are incomplete
`);
    return EXIT_ERROR;
  }
  return fails ? EXIT_FINDINGS : EXIT_OK;
}
function summaryLine(levels, files, output, fails, failOn) {
  const count = (l) => levels.filter((x) => x === l).length;
  return `resty-lint: ${levels.length} finding(s) (${count("error")} error, ${count("warning")} warning, ${count("note")} note) in ${files} file(s), written to ${output}; exit ${fails ? 1 : 0}: ${fails ? "findings at or above" : "nothing at or above"} --fail-on ${failOn}
`;
}

// rules/code-cache-off.ts
var rule = {
  meta: {
    id: "code-cache-off",
    name: "CodeCacheOff",
    shortDescription: "lua_code_cache off: every request runs in a fresh Lua VM, so no connection is ever reused",
    fullDescription: "`lua_code_cache off;` makes ngx_lua create a new Lua VM for every request. Connection pools and every module-level cache live in the VM, so they are thrown away after each request.",
    help: {
      text: "Remove `lua_code_cache off;` (the default is on) outside local development. Measured on nginx + ngx_lua + Redis with every path calling set_keepalive(): with the cache off, 2000 requests opened 2000 connections and never reused one, and ran about 25 times slower. nginx only logs an alert at startup.",
      markdown: "Remove `lua_code_cache off;` (the default is `on`) outside local development. Measured on nginx + ngx_lua + Redis with every path calling `set_keepalive()`: with the cache off, 2000 requests opened 2000 connections and never reused one, and ran about 25 times slower. nginx only logs an alert at startup."
    },
    defaultLevel: "warning",
    tags: ["performance", "nginx", "openresty"],
    precision: "very-high",
    example: { bad: "lua_code_cache off;", good: "# lua_code_cache on; (the default)" }
  },
  check(model, report2) {
    for (const c of model.nginx.codeCache) {
      if (c.value.toLowerCase() !== "off") continue;
      report2({
        message: "lua_code_cache off: no pooled connection is ever reused, as every request gets a fresh Lua VM. Connection pools and module-level caches are thrown away after each request, so set_keepalive() never leads to a reused connection (measured: 2000 requests, 2000 connections, 0 reused). Remove the directive (the default is on) outside local development.",
        location: c.location
      });
    }
  }
};

// rules/connection-not-released.ts
var rule2 = {
  meta: {
    id: "connection-not-released",
    name: "ConnectionNotReleased",
    shortDescription: "A connected client reaches the end of a normal path without set_keepalive() or close()",
    fullDescription: "A client connected successfully, then a normal (non-error) path ended without returning it to the pool with set_keepalive() and without closing it or handing it on. The request-end cleanup closes such connections: they are never pooled. ngx.exit(), ngx.redirect() and ngx.exec() end the handler, so a release written after them never runs; so does a call of a project function that ends the request on every path (a say(s) helper that calls ngx.exit(200)). When another path returns connections of the same pool with set_keepalive(), the site is reported once, as pool-mixed-lifecycle.",
    help: {
      text: "Every successfully connected client should be returned to the pool with set_keepalive() (or closed) on every normal path. When the handler ends first, ngx_lua closes the connection during request cleanup: the next request pays a new TCP connection (and the server a TIME_WAIT). Move the release before ngx.exit()/ngx.redirect()/ngx.exec() and before early returns. Returns on error paths of the client (if not ok then return end) do not count.",
      markdown: "Every successfully connected client should be returned to the pool with `set_keepalive()` (or closed) on every normal path. When the handler ends first, ngx_lua closes the connection during request cleanup: the next request pays a new TCP connection.\n\nMove the release before `ngx.exit()`/`ngx.redirect()`/`ngx.exec()` and before early returns. Returns on error paths of the client (`if not ok then return end`) do not count."
    },
    defaultLevel: "warning",
    tags: ["performance", "connection-pool", "openresty"],
    precision: "high",
    example: {
      bad: ["local red = redis:new()", 'assert(red:connect("127.0.0.1", 6379))', 'ngx.say(red:get("k"))', "ngx.exit(200)", "red:set_keepalive(10000, 100) -- never runs"].join("\n"),
      good: ["local red = redis:new()", 'assert(red:connect("127.0.0.1", 6379))', 'ngx.say(red:get("k"))', "red:set_keepalive(10000, 100)", "ngx.exit(200)"].join("\n")
    }
  },
  check(model, report2) {
    const seen = /* @__PURE__ */ new Set();
    for (const u of [...model.unreleased].sort((a, b) => compareSpan(a.pathEnd, b.pathEnd))) {
      const at2 = `${u.location.file}:${u.location.startLine}:${u.location.startColumn}`;
      if (seen.has(at2)) continue;
      seen.add(at2);
      if (u.refused) {
        const call = literal(u.refused.through ? `\`${u.refused.through}()\` (which calls ${u.refused.method}())` : `\`${u.refused.method}()\``);
        report2({
          message: `This ${u.client} connection is still subscribed, so ${call} does not pool it. It returns nil, "${literal(u.refused.error)}" here, and request cleanup closes the connection. Unsubscribe first (or close() it: a subscriber's connection is not for reuse).`,
          location: u.location
        });
        continue;
      }
      const how = u.end === "exit" ? "The handler ends at [ngx.exit/redirect/exec](1) before any set_keepalive() or close(), so a release written after it never runs. Request cleanup then closes it instead of pooling it. Move the release before that call." : "[This path ends](1) without set_keepalive() or close(). Request cleanup then closes it instead of pooling it. Release it with set_keepalive() before the path ends.";
      report2({
        message: `This ${u.client} connection is never released on a normal path. ${how}`,
        location: u.location,
        related: [{ ...u.pathEnd, message: "the path ends here with the connection still open" }]
      });
    }
  }
};

// rules/cosocket-disabled-phase.ts
var rule3 = {
  meta: {
    id: "cosocket-disabled-phase",
    name: "CosocketDisabledPhase",
    shortDescription: "A cosocket is created or connected in an nginx phase where cosockets are disabled",
    fullDescription: 'Code reachable from an init, init_worker, exit_worker, set, header_filter, body_filter, log, balancer or ssl_session_store handler creates or connects a cosocket (resty.redis, ngx.socket.tcp, ...). ngx_lua disables cosockets there: the call raises "API disabled in the context of ..." (or "no request found" in init).',
    help: {
      text: "Move the work to a phase that allows cosockets (rewrite, access, content), or run it in a 0-delay timer: ngx.timer.at(0, function(premature) ... end) \u2014 create the client inside the callback. resty-lint follows calls into functions and modules from the directive or plugin method and stops at ngx.timer.at/ngx.timer.every callbacks, also those a function of the project hands to a timer (a start_timer(delay, cb) wrapper).",
      markdown: "Move the work to a phase that allows cosockets (rewrite, access, content), or run it in a 0-delay timer: `ngx.timer.at(0, function(premature) ... end)` \u2014 create the client inside the callback.\n\nresty-lint follows calls into functions and modules from the directive or plugin method and stops at `ngx.timer.at`/`ngx.timer.every` callbacks, also those a function of the project hands to a timer (a `start_timer(delay, cb)` wrapper)."
    },
    defaultLevel: "error",
    tags: ["correctness", "openresty", "nginx"],
    precision: "high",
    example: {
      bad: ["log_by_lua_block {", '  local red = require("resty.redis"):new()  -- API disabled in the context of log_by_lua*', '  red:connect("127.0.0.1", 6379)', "}"].join("\n"),
      good: ["log_by_lua_block {", "  ngx.timer.at(0, function(premature)", '    local red = require("resty.redis"):new()', '    red:connect("127.0.0.1", 6379)', "    red:set_keepalive(10000, 100)", "  end)", "}"].join("\n")
    }
  },
  check(model, report2) {
    for (const u of model.disabledPhaseUses) {
      const what = u.what === "new" ? `creates a ${u.client} cosocket` : `connects a ${u.client} cosocket`;
      const error = u.entry.phase === "init" ? "no request found" : `API disabled in the context of ${u.entry.phase}_by_lua*`;
      const plugin = u.entry.plugin;
      const from = plugin ? `the ${plugin.gateway} plugin method [${literal(u.entry.directive)}](1)` : `[${literal(u.entry.directive)}](1)`;
      const entryNote = plugin ? `${u.entry.directive}: ${plugin.gateway} runs this plugin method in the ${u.entry.phase} phase (${plugin.calledBy}), where cosockets are disabled` : `${u.entry.directive}: cosockets are disabled in the ${u.entry.phase} phase`;
      report2({
        message: `This ${what} in the ${u.entry.phase} phase, where ngx_lua disables cosockets. It runs in code reached from ${from} and fails with "${error}". Do it in a 0-delay ngx.timer.at callback or an earlier phase.`,
        location: u.location,
        related: [
          { ...u.entry.location, message: entryNote },
          ...u.via.map((v) => ({ ...v, message: "called from here" }))
        ]
      });
    }
  }
};

// rules/internal-error.ts
var rule4 = {
  meta: {
    id: "internal-error",
    name: "InternalError",
    shortDescription: "resty-lint failed while analyzing this file (a bug in resty-lint); the file was skipped",
    fullDescription: "An exception inside the analyzer stopped the analysis of this file. Its connections were not followed, so findings that depend on it may be missing; every other file was still analyzed. The run exits with status 2.",
    help: {
      text: "This is a bug in resty-lint, not in your code. Please report it with the message and, if you can, the smallest file that reproduces it.",
      markdown: "This is a bug in resty-lint, not in your code. Please report it with the message and, if you can, the smallest file that reproduces it."
    },
    defaultLevel: "error",
    tags: ["correctness"],
    precision: "very-high"
  }
};

// rules/invalid-suppression.ts
var rule5 = {
  meta: {
    id: "invalid-suppression",
    name: "InvalidSuppression",
    shortDescription: "A resty-lint suppression comment names a rule id that does not exist",
    fullDescription: "A `-- resty-lint: ignore <rule-id>` (or `ignore-file`, or `#` in nginx.conf) comment names an unknown rule id, usually a typo. It silences nothing, so the finding it was meant for is still reported.",
    help: {
      text: "Use one of the rule ids listed in docs/rules (for example pool-mixed-lifecycle); several ids are separated by commas, and a reason may follow after `--`.",
      markdown: "Use one of the rule ids listed in [docs/rules](README.md) (for example `pool-mixed-lifecycle`); several ids are separated by commas, and a reason may follow after `--`."
    },
    defaultLevel: "warning",
    tags: ["maintainability"],
    precision: "very-high",
    example: {
      bad: "red:close() -- resty-lint: ignore pool-mixed -- admin endpoint",
      good: "red:close() -- resty-lint: ignore pool-mixed-lifecycle -- admin endpoint"
    }
  }
};

// rules/keepalive-after-error.ts
var rule6 = {
  meta: {
    id: "keepalive-after-error",
    name: "KeepaliveAfterError",
    shortDescription: "A connection is returned to the pool after an error left it in an unknown state",
    fullDescription: "set_keepalive() is called on an error path of a client whose library does not keep broken connections out of the pool: a raw cosocket after a failed receive (a read timeout keeps the socket open, and the late reply poisons the next user), or resty.http before the response body was read.",
    help: {
      text: "On an error path, close() the connection instead of pooling it. For resty.http, read the body (res:read_body()) before set_keepalive(). Not reported for resty.redis (it closes the socket itself on a timeout) or resty.mysql (it refuses to pool outside the connected state).",
      markdown: "On an error path, `close()` the connection instead of pooling it. For resty.http, read the body (`res:read_body()`) before `set_keepalive()`.\n\nNot reported for resty.redis (it closes the socket itself on a timeout) or resty.mysql (it refuses to pool outside the connected state)."
    },
    defaultLevel: "warning",
    tags: ["correctness", "connection-pool", "openresty"],
    precision: "medium",
    example: {
      bad: ["local line, err = sock:receive()", "if not line then", "  sock:setkeepalive()  -- the late reply poisons the pool", "  return", "end"].join("\n"),
      good: ["local line, err = sock:receive()", "if not line then", "  sock:close()", "  return", "end"].join("\n")
    }
  },
  check(model, report2) {
    for (const u of model.poolUses) {
      if (u.mode !== "long" || u.implicit) continue;
      const unsafe = model.clients.get(u.client)?.keepaliveAfterError;
      if (!unsafe) continue;
      let when;
      let why = "";
      if (u.errorPath && (!unsafe.failedOps || u.errorOp !== void 0 && unsafe.failedOps.includes(u.errorOp))) {
        when = `after \`${u.errorOp ?? "a request"}()\` failed`;
        why = unsafe.why;
      } else if (u.unreadBody && model.clients.get(u.client)?.requestMethods) {
        when = "before the response body was read";
        why = "the unread body stays in the connection and the next request on it fails";
      }
      if (!when) continue;
      report2({
        message: `This ${u.client} connection is returned to the pool ${when}. ${why[0].toUpperCase()}${why.slice(1)}. Close it instead (or read the body first).`,
        location: u.location
      });
    }
  }
};

// rules/keepalive-exceeds-server-timeout.ts
var rule7 = {
  meta: {
    id: "keepalive-exceeds-server-timeout",
    name: "KeepaliveExceedsServerTimeout",
    shortDescription: "Pooled Redis connections idle longer than the Redis server timeout",
    fullDescription: "A redis.conf in the project closes clients idle for `timeout` seconds, but set_keepalive keeps pooled connections idle as long or longer (0 = forever, or an omitted timeout where lua_socket_keepalive_timeout is as long). Redis then closes pooled connections.",
    help: {
      text: "Measured on nginx + ngx_lua + Redis with timeout 1 and set_keepalive(0): Redis closed idle pooled connections and the next request opened a new one (churn and TIME_WAIT on the Redis host; no request errors were seen on loopback). To keep connections across idle periods, raise or disable the Redis timeout (timeout 0). An idle timeout below the server timeout only makes nginx close them first (the churn moves, it does not go away), but it stops Redis from closing connections underneath nginx.",
      markdown: "Measured on nginx + ngx_lua + Redis with `timeout 1` and `set_keepalive(0)`: Redis closed idle pooled connections and the next request opened a new one (churn and TIME_WAIT on the Redis host; no request errors were seen on loopback).\n\nTo keep connections across idle periods, raise or disable the Redis `timeout` (`timeout 0`). An idle timeout below the server timeout only makes nginx close them first (the churn moves, it does not go away), but it stops Redis from closing connections underneath nginx."
    },
    defaultLevel: "warning",
    tags: ["performance", "redis", "connection-pool"],
    precision: "high",
    example: {
      bad: ["-- redis.conf: timeout 60", "red:set_keepalive(120000, 100)  -- idle up to 120 s: Redis closes them at 60 s"].join("\n"),
      good: ["-- redis.conf: timeout 60", "red:set_keepalive(30000, 100)  -- 30 s, below the server timeout"].join("\n")
    }
  },
  check(model, report2) {
    for (const u of model.poolUses) {
      if (u.mode !== "long" || u.implicit || model.clients.get(u.client)?.serverConfig !== "redis") continue;
      const exceeded = [];
      for (const server3 of model.redisServers) {
        if (server3.timeoutSeconds <= 0 || server3.units && !server3.units.has(u.unit)) continue;
        if (server3.port !== void 0 && literalPort(u.key) !== server3.port) continue;
        const idle2 = idleOver(u, server3.timeoutSeconds * 1e3, model);
        if (idle2) exceeded.push({ server: server3, idle: idle2 });
      }
      if (exceeded.length === 0) continue;
      exceeded.sort((a, b) => a.server.timeoutSeconds - b.server.timeoutSeconds || (a.server.file < b.server.file ? -1 : a.server.file > b.server.file ? 1 : 0));
      const { server: server2, idle } = exceeded[0];
      const limitMs = server2.timeoutSeconds * 1e3;
      const pool = u.key ? ` of pool ${literal(describeKey(u.key))}` : "";
      report2({
        message: `Redis closes clients idle for ${server2.timeoutSeconds} s, but connections${pool} stay pooled at least as long. They are pooled with ${idle}, so [the Redis server](1) closes pooled connections, and the next request after an idle period opens a new one. Raise or disable the Redis timeout to keep them, or use an idle timeout below ${limitMs} ms so nginx closes them first.`,
        location: u.location,
        related: exceeded.map(({ server: s }) => ({ ...s.timeoutLocation ?? { file: s.file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }, message: `timeout ${s.timeoutSeconds}` }))
      });
    }
  }
};
function idleOver(u, limitMs, model) {
  if (u.timeoutMs === 0) return "no idle limit (0)";
  if (typeof u.timeoutMs === "number") return u.timeoutMs >= limitMs ? `an idle limit of ${u.timeoutMs} ms` : void 0;
  if (u.timeoutMs !== void 0) return void 0;
  const inherited = model.nginx.keepaliveTimeoutMs.get(u.unit) ?? model.nginx.defaultKeepaliveTimeoutMs;
  return inherited >= limitMs ? `lua_socket_keepalive_timeout's ${inherited} ms (no timeout argument)` : void 0;
}

// rules/keepalive-unbounded-idle.ts
var rule8 = {
  meta: {
    id: "keepalive-unbounded-idle",
    name: "KeepaliveUnboundedIdle",
    shortDescription: "set_keepalive(0, ...) keeps idle connections forever",
    fullDescription: "set_keepalive(0, ...) gives pooled connections no idle limit on the client side. Servers and load balancers have their own idle timeouts and close them first; a close that races with reuse surfaces as an error on the first command.",
    help: {
      text: "Pass an idle timeout shorter than the server's (Redis `timeout`) and any load balancer's idle timeout, e.g. set_keepalive(10000, 100). A non-literal or omitted timeout is not reported.",
      markdown: "Pass an idle timeout shorter than the server's (Redis `timeout`) and any load balancer's idle timeout, e.g. `set_keepalive(10000, 100)`. A non-literal or omitted timeout is not reported."
    },
    defaultLevel: "note",
    tags: ["reliability", "connection-pool"],
    precision: "very-high",
    example: {
      bad: "red:set_keepalive(0, 100)  -- pooled connections never expire on the nginx side",
      good: "red:set_keepalive(10000, 100)  -- 10 s, below the server's and the load balancer's idle timeouts"
    }
  },
  check(model, report2) {
    const calls = [...model.poolUses.filter((u) => u.mode === "long" && !u.timeoutInWrapper), ...model.wrapperKeepalives];
    for (const u of calls) {
      if (u.timeoutMs !== 0) continue;
      report2({
        message: `\`${u.via}(0, ...)\` keeps idle connections with no time limit. The server or a load balancer will close them first, and ngx_lua only notices when the connection is reused. Pass an idle timeout shorter than the server's, such as 10000 ms.`,
        location: u.location,
        // A call written on the client (not through a wrapper whose arguments mean something else) gets a bound.
        fix: /^[A-Za-z_]\w*$/.test(u.via) ? { description: `Bound the idle time: ${u.via}(10000, ...) keeps idle connections 10 s`, call: u.location, method: u.via, args: ["10000", null] } : void 0
      });
    }
  }
};

// rules/not-analyzed.ts
var rule9 = {
  meta: {
    id: "not-analyzed",
    name: "NotAnalyzed",
    shortDescription: "A file was skipped on purpose: bytecode, binary, over the size limit, or unreadable",
    fullDescription: "The file is LuaJIT or Lua bytecode, a binary file, larger than the size limit (maxFileBytes in the config file, 4 MiB by default), or could not be read. It was not analyzed, so findings that depend on it may be missing; every other file was.",
    help: {
      text: "Nothing to fix in the code. Keep bytecode and generated files out of the analyzed paths (ignore in the config file), raise maxFileBytes for a large source file, or fix the file permissions.",
      markdown: "Nothing to fix in the code. Keep bytecode and generated files out of the analyzed paths (`ignore` in the config file), raise `maxFileBytes` for a large source file, or fix the file permissions."
    },
    defaultLevel: "note",
    tags: ["maintainability"],
    precision: "very-high"
  }
};

// src/model/pool-uses.ts
function usesByKey(uses) {
  const byKey = /* @__PURE__ */ new Map();
  for (const use of uses) {
    if (!use.key) continue;
    const list2 = byKey.get(use.key.text);
    if (list2) list2.push(use);
    else byKey.set(use.key.text, [use]);
  }
  return byKey;
}
function firstByLocation(items) {
  return [...items].sort((a, b) => compareSpan(a.location, b.location))[0];
}

// rules/pool-mixed-lifecycle.ts
var rule10 = {
  meta: {
    id: "pool-mixed-lifecycle",
    name: "PoolMixedLifecycle",
    shortDescription: "A connection pool is returned with set_keepalive on one path and closed on another",
    fullDescription: "One connection pool (same pool key) is released with set_keepalive() on some path and closed (or never released) on the normal path of another. connect() takes an idle pooled connection first, so the closing path keeps destroying the connections the keepalive path pooled. A site left unreleased only by an early return inside a branch (bad input, another backend failing) is a note: it costs a connection each time the branch runs, not the reuse of the pool.",
    help: {
      text: "connect() always hands out an idle connection from the pool before opening a new one. When one code path returns connections with set_keepalive() and another path connects to the same pool and calls close() (or lets the request end close it), the closing path takes the pooled connections and destroys them: the keepalive path's reuse collapses (measured on nginx + ngx_lua + Redis: 99% -> 0%), and every close costs a new TCP connection and a TIME_WAIT socket on the nginx host. Fix: call set_keepalive() on this path too. Giving the closing path its own opts.pool only shields the other path's reuse; it does not reduce connections.",
      markdown: "`connect()` always hands out an idle connection from the pool before opening a new one. When one code path returns connections with `set_keepalive()` and another path connects to **the same pool** and calls `close()` (or lets the request end close it), the closing path takes the pooled connections and destroys them:\n\n- the keepalive path's reuse collapses (measured on nginx + ngx_lua + Redis: 99% \u2192 0%);\n- every close costs a new TCP connection and a TIME_WAIT socket on the nginx host.\n\n**Fix:** call `set_keepalive()` on this path too. Giving the closing path its own `opts.pool` only shields the other path's reuse; it does not reduce connections."
    },
    defaultLevel: "warning",
    tags: ["performance", "connection-pool", "openresty"],
    precision: "high",
    subsumes: ["connection-not-released"],
    example: {
      bad: [
        "local function get(key)          -- pooled path",
        "  local red = redis:new()",
        '  red:connect("127.0.0.1", 6379)',
        "  local v = red:get(key)",
        "  red:set_keepalive(10000, 100)",
        "  return v",
        "end",
        "local function flush()           -- same pool, closes",
        "  local red = redis:new()",
        '  red:connect("127.0.0.1", 6379)',
        "  red:flushdb()",
        "  red:close()",
        "end"
      ].join("\n"),
      good: [
        "local function flush()",
        "  local red = redis:new()",
        '  red:connect("127.0.0.1", 6379)',
        "  red:flushdb()",
        "  red:set_keepalive(10000, 100)  -- return it to the pool too",
        "end"
      ].join("\n")
    }
  },
  check(model, report2) {
    for (const uses of usesByKey(model.poolUses).values()) {
      const keepalive = firstByLocation(uses.filter((u) => u.mode === "long"));
      if (!keepalive) continue;
      const key = literal(describeKey(keepalive.key));
      const pooledHere = { ...keepalive.location, message: `${keepalive.via}() returns connections of pool ${literal(describeKey(keepalive.key))} to the pool here` };
      const bySite = /* @__PURE__ */ new Map();
      for (const u of uses) {
        if (u.mode === "long" || u.errorPath) continue;
        const at2 = `${u.location.file}:${u.location.startLine}:${u.location.startColumn}`;
        bySite.set(at2, [...bySite.get(at2) ?? [], u]);
      }
      for (const paths of bySite.values()) {
        const main = paths.find((u) => u.mode === "short" || !u.early);
        if (main) {
          const what = main.mode === "short" ? `\`${main.via}()\` closes a connection of pool ${key}, which another path keeps alive. ` : `This connection of pool ${key} is never returned to the pool on a normal path. [The path ends here](2), and request cleanup closes it. `;
          report2({
            message: `${what}${familyNote(keepalive.key)}[The keepalive path](1) returns connections of this pool with set_keepalive(). connect() hands this path the connections the other path pooled and this path closes them, so the keepalive path's reuse collapses (measured: 99% -> 0%) and every close costs a new TCP connection and a TIME_WAIT on the nginx host. Call set_keepalive() here too; a separate opts.pool only shields the other path.`,
            location: main.location,
            related: main.pathEnd ? [pooledHere, { ...main.pathEnd, message: "path ends without a release" }] : [pooledHere],
            fix: main.mode === "short" ? keepaliveInstead(main, keepalive, model) : void 0
          });
          continue;
        }
        const early = paths[0];
        const when = early.afterFailureOf !== void 0 ? `The return is taken when \`${early.afterFailureOf}()\` fails. ` : "";
        report2({
          message: `This connection of pool ${key} is not returned to the pool on [an early return](2). ${when}${familyNote(keepalive.key)}Request cleanup closes it, while [another path](1) pools connections of this pool. Each time that branch runs, a pooled connection is closed (a new TCP connection and a TIME_WAIT later); the other path keeps its reuse while the branch stays rare. Release it with set_keepalive() before returning.`,
          location: early.location,
          related: [pooledHere, { ...early.pathEnd, message: "early return without a release" }],
          level: "note"
        });
      }
    }
  }
};
function keepaliveInstead(site2, keepalive, model) {
  const { timeoutMs, poolSize } = keepalive;
  if (timeoutMs === null || poolSize === null || timeoutMs === void 0 && poolSize !== void 0) return void 0;
  const bare = (via) => /^[A-Za-z_]\w*$/.test(via);
  const method = bare(keepalive.via) ? keepalive.via : firstByLocation(model.wrapperKeepalives.filter((w) => w.client === site2.client && bare(w.via)))?.via;
  if (!method || !bare(site2.via)) return void 0;
  const args = [timeoutMs, poolSize].filter((v) => v !== void 0).map(String);
  return {
    description: `Return the connection to the pool: ${method}(${args.join(", ")}), as the keepalive path does`,
    call: site2.location,
    method: site2.via,
    newMethod: method,
    args
  };
}

// rules/pool-size-conflict.ts
var rule11 = {
  meta: {
    id: "pool-size-conflict",
    name: "PoolSizeConflict",
    shortDescription: "One pool is given different pool_size values",
    fullDescription: "The same pool key gets different pool_size values (set_keepalive second argument or connect opts.pool_size). A pool is sized once, when it is created, by whichever call runs first; the other values are ignored.",
    help: {
      text: "Use one pool_size per pool key (a shared constant), or give the paths that need another size their own pool name with opts.pool.",
      markdown: "Use one `pool_size` per pool key (a shared constant), or give the paths that need another size their own pool name with `opts.pool`."
    },
    defaultLevel: "note",
    tags: ["maintainability", "connection-pool"],
    precision: "high",
    example: {
      bad: [
        "-- users.lua",
        'red:connect("127.0.0.1", 6379)',
        "red:set_keepalive(10000, 100)",
        "",
        "-- sessions.lua: the same pool, another size",
        'red:connect("127.0.0.1", 6379)',
        "red:set_keepalive(10000, 10)  -- ignored when users.lua created the pool first"
      ].join("\n"),
      good: [
        "-- settings.lua: return { redis_pool_size = 100 }  -- one size for the pool",
        "",
        "-- users.lua and sessions.lua",
        'local settings = require "settings"',
        'red:connect("127.0.0.1", 6379)',
        "red:set_keepalive(10000, settings.redis_pool_size)"
      ].join("\n")
    }
  },
  check(model, report2) {
    const byKey = /* @__PURE__ */ new Map();
    const add = (k, size, location) => {
      if (typeof size !== "number") return;
      const keyText = k.text;
      const list2 = byKey.get(keyText) ?? [];
      list2.push({ key: describeKey(k), note: familyNote(k), size, location });
      byKey.set(keyText, list2);
    };
    for (const u of model.poolUses) if (u.mode === "long" && u.key) add(u.key, u.poolSize, u.location);
    for (const c of model.connects) add(c.key, c.poolSize, c.location);
    for (const sites of byKey.values()) {
      const first = firstByLocation(sites);
      for (const s of sites) {
        if (s.size === first.size) continue;
        report2({
          message: `Pool ${literal(s.key)} is given pool_size ${s.size} here and ${first.size} [elsewhere](1). The pool is sized once, by whichever runs first, so one of them is ignored. ${s.note}Use one pool_size per pool key, or give this path its own pool name with opts.pool.`,
          location: s.location,
          related: [{ ...first.location, message: `pool_size ${first.size}` }]
        });
      }
    }
  }
};

// rules/pooled-session-state.ts
var rule12 = {
  meta: {
    id: "pooled-session-state",
    name: "PooledSessionState",
    shortDescription: "A Redis connection goes back to a shared pool still carrying SELECT or MULTI state",
    fullDescription: "A resty.redis connection is returned with set_keepalive() after select(n) while other users of the same pool never select a db, or inside multi() without exec()/discard(). Redis session state stays on the TCP connection and is invisible to the pool key: the next user inherits it.",
    help: {
      text: 'Give connections that select a different db their own pool (connect opts.pool = "redis:db2"), select the db on every use of the pool, or select back before set_keepalive(). Finish or discard a transaction before pooling. resty.redis.connector sends DISCARD before pooling.',
      markdown: 'Give connections that select a different db their own pool (`connect(host, port, { pool = "redis:db2" })`), select the db on every use of the pool, or select back before `set_keepalive()`. Finish or `discard()` a transaction before pooling. resty.redis.connector sends DISCARD before pooling.'
    },
    defaultLevel: "warning",
    tags: ["correctness", "connection-pool", "redis"],
    precision: "high",
    example: {
      bad: ["red:select(2)", 'red:get("session:" .. id)', "red:set_keepalive(10000, 100)  -- the next user of the pool reads db 2"].join("\n"),
      good: ['red:connect("127.0.0.1", 6379, { pool = "redis:db2" })', "red:select(2)", 'red:get("session:" .. id)', "red:set_keepalive(10000, 100)"].join("\n")
    }
  },
  check(model, report2) {
    for (const uses of usesByKey(model.poolUses).values()) {
      for (const u of uses) {
        if (u.mode !== "long" || !model.clients.get(u.client)?.session) continue;
        if (u.session.multi) {
          report2({
            message: `This connection of pool ${literal(describeKey(u.key))} is pooled inside MULTI, with no exec() or discard() on this path. The next user's commands are queued into the open transaction. Finish or discard() the transaction before set_keepalive().`,
            location: u.location
          });
          continue;
        }
        const db = u.session.db;
        if (typeof db !== "string" || db === "0") continue;
        const other = uses.find((o) => o !== u && o.session.db === void 0);
        if (!other) continue;
        report2({
          message: `This connection of pool ${literal(describeKey(u.key))} is pooled with db ${literal(db)} selected. [Another user of the pool](1) never selects a db: it can get this connection and read and write db ${literal(db)} instead of db 0. Use a separate opts.pool for db ${literal(db)}.`,
          location: u.location,
          related: [{ ...other.location, message: `uses pool ${literal(describeKey(u.key))} without select()` }]
        });
      }
    }
  }
};

// rules/shared-cosocket.ts
var HOW = {
  "module-level": ["is created at the top level of a module: every request shares this one object", "The top level of a module runs once per worker. "],
  upvalue: ["is stored in a module-level variable, so later requests reuse the object", "An earlier request created it. "],
  "module-field": ["is stored in a module table, so later requests reuse the object", "An earlier request created it. "],
  "timer-arg": ["is passed to a timer callback, which runs in its own fake request", ""],
  "timer-upvalue": ["is captured by a timer callback, which runs in its own fake request", ""]
};
var rule13 = {
  meta: {
    id: "shared-cosocket",
    name: "SharedCosocket",
    shortDescription: "A cosocket client object is shared across requests (module level, module table, timer)",
    fullDescription: 'A cosocket-based client object is created or stored where it outlives the request that created it: at the top level of a module, in a module-level variable or table, or handed to an ngx.timer callback. A cosocket belongs to the request that connected it: when two requests (or a request and a timer) use it at the same time, the call raises "bad request".',
    help: {
      text: "Create the client inside the function that handles the request (or inside the timer callback) and release it there; keep only configuration at module level. The top level of an entry chunk (a *_by_lua_file script) runs per request and is not flagged.",
      markdown: "Create the client inside the function that handles the request (or inside the timer callback) and release it there; keep only configuration at module level. The top level of an entry chunk (a `*_by_lua_file` script) runs per request and is not flagged."
    },
    defaultLevel: "error",
    tags: ["correctness", "openresty"],
    precision: "high",
    example: {
      bad: ['local redis = require "resty.redis"', "local red = redis:new()  -- one object for every request", "local _M = {}", 'function _M.get(k) red:connect("127.0.0.1", 6379) return red:get(k) end', "return _M"].join("\n"),
      good: ['local redis = require "resty.redis"', "local _M = {}", "function _M.get(k)", "  local red = redis:new()", '  red:connect("127.0.0.1", 6379)', "  local v = red:get(k)", "  red:set_keepalive(10000, 100)", "  return v", "end", "return _M"].join("\n")
    }
  },
  check(model, report2) {
    for (const s of model.shared) {
      report2({
        message: `This ${s.client} client ${HOW[s.how][0]}. ${HOW[s.how][1]}A cosocket belongs to the request that connected it: when another request uses it concurrently the call fails with "bad request" (measured: HTTP 500s under concurrent load). Create it per request${s.how.startsWith("timer") ? " (inside the callback)" : ""}.`,
        location: s.location
      });
    }
  }
};

// rules/syntax-error.ts
var rule14 = {
  meta: {
    id: "syntax-error",
    name: "SyntaxError",
    shortDescription: "A file could not be parsed or read, so it was not analyzed",
    fullDescription: "The file is not valid LuaJIT (or could not be read), so none of its connections could be followed. Findings that depend on it may be missing; every other file was still analyzed.",
    help: {
      text: "Fix the syntax error at the reported position (LuaJIT 2.1 syntax, as OpenResty runs it). Until then resty-lint cannot see the connections this file opens or releases.",
      markdown: "Fix the syntax error at the reported position (LuaJIT 2.1 syntax, as OpenResty runs it). Until then resty-lint cannot see the connections this file opens or releases."
    },
    defaultLevel: "error",
    tags: ["correctness"],
    precision: "very-high"
  }
};

// rules/unresolved-include.ts
var rule15 = {
  meta: {
    id: "unresolved-include",
    name: "UnresolvedInclude",
    shortDescription: "An nginx include was not read where nginx would read it: not in the repository, or outside it",
    fullDescription: "The include names a file the scanned tree does not hold where nginx would look for it (generated at deploy time, installed on the server, or simply missing), or a path outside the scanned tree, which is never read. The analysis goes on without it, so findings that depend on its directives (Lua code, lua_code_cache, keepalive timeouts) may be missing. An absolute path whose end matches a file in the tree (/opt/app/conf/server.conf and conf/server.conf) is read from that file instead, and one note per main configuration says so. The files nginx itself installs next to nginx.conf (mime.types, fastcgi_params, fastcgi.conf, scgi_params, uwsgi_params, koi-utf, koi-win, win-utf, and Debian's proxy_params and snippets) are never reported.",
    help: {
      text: "Nothing to fix in the configuration. To have the included directives analyzed, keep the file in the repository at the path nginx reads (relative includes are resolved against the directory of the main nginx.conf), or pass the rendered configuration with --nginx-conf. Turn the rule off in the config file if the notes are not useful.",
      markdown: 'Nothing to fix in the configuration. To have the included directives analyzed, keep the file in the repository at the path nginx reads (relative includes are resolved against the directory of the main `nginx.conf`), or pass the rendered configuration with `--nginx-conf`. Turn the rule off in the config file (`"rules": { "unresolved-include": "off" }`) if the notes are not useful.'
    },
    defaultLevel: "note",
    tags: ["maintainability"],
    precision: "very-high"
  }
};

// rules/use-after-release.ts
var rule16 = {
  meta: {
    id: "use-after-release",
    name: "UseAfterRelease",
    shortDescription: "A client is used after set_keepalive() or close(), or connected twice",
    fullDescription: "A method other than connect() is called on a client after set_keepalive() or close() on every path reaching the call; or connect() is called again on a client that is still connected; or a client is released while it stays in an ngx.ctx slot that a getter hands out again later in the request.",
    help: {
      text: 'After set_keepalive() or close() the client object is closed: every call except connect() returns nil, "closed" (a second set_keepalive too). connect() on a connected object closes the old connection instead of pooling it. Release exactly once, after the last command; reconnect only after a release.',
      markdown: 'After `set_keepalive()` or `close()` the client object is closed: every call except `connect()` returns `nil, "closed"` (a second `set_keepalive()` too). `connect()` on a connected object closes the old connection instead of pooling it.\n\nRelease exactly once, after the last command; reconnect only after a release.'
    },
    defaultLevel: "error",
    tags: ["correctness", "connection-pool", "openresty"],
    precision: "high",
    example: {
      bad: ["red:set_keepalive(10000, 100)", 'local n = red:incr("hits") -- nil, "closed"'].join("\n"),
      good: ['local n = red:incr("hits")', "red:set_keepalive(10000, 100)"].join("\n")
    }
  },
  check(model, report2) {
    for (const u of model.useAfterRelease) {
      const related2 = u.previous.map((p) => ({ ...p, message: u.reconnect ? "connected here" : "released here" }));
      report2({
        message: u.reconnect ? "connect() is called on a client that is still connected ([connected here](1)). ngx_lua closes the old connection instead of pooling it. Release it with set_keepalive() first." : `\`${u.method}()\` is called after the client was [released](1) on every path reaching it. The object is closed, so the call returns nil, "closed". Release after the last command.`,
        location: u.location,
        related: related2
      });
    }
    for (const s of model.staleCtxReleases) {
      report2({
        message: `This client is released but stays in ngx.ctx.${literal(s.slot)}, where a getter hands it out again. [${literal(s.getterName)}()](1) returns it to any later caller in this request, whose commands then get nil, "closed" after \`${s.via}()\`. Set ngx.ctx.${s.slot} = nil after releasing it.`,
        location: s.location,
        related: [{ ...s.getter, message: `returns ngx.ctx.${s.slot} when it is set` }],
        level: "warning"
      });
    }
  }
};

// rules/index.ts
var RULES = [
  rule,
  rule2,
  rule3,
  rule4,
  rule5,
  rule6,
  rule7,
  rule8,
  rule9,
  rule10,
  rule11,
  rule12,
  rule13,
  rule14,
  rule15,
  rule16
];

// entry/resty-lint.ts
function exitQuietlyWhenTheReaderLeaves() {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e) => {
      if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") process.exit();
      throw e;
    });
  }
}
function cli() {
  exitQuietlyWhenTheReaderLeaves();
  process.exitCode = runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns : void 0,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    rules: RULES
  });
}
function action(actionDir) {
  exitQuietlyWhenTheReaderLeaves();
  process.exitCode = runAction({
    env: process.env,
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    actionDir,
    rules: RULES
  });
}
if (typeof require !== "undefined" && require.main === module) cli();
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  action,
  cli
});
